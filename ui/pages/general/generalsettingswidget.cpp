// SPDX-License-Identifier: GPL-2.0-or-later
#include "generalsettingswidget.h"

#include "core/async.h"
#include "core/store/store.h"
#include "ui/shell/icons.h"
#include "ui/widgets/pageheader.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QIntValidator>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalBlocker>
#include <QVBoxLayout>

namespace Oobm::Gui {

using Core::CommonNameSource;
using Core::LogLevel;
using Core::ServiceSettings;

namespace {
QLabel *makeHint(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setWordWrap(true);
    QFont f = label->font();
    f.setPointSizeF(f.pointSizeF() * 0.9);
    label->setFont(f);
    label->setForegroundRole(QPalette::PlaceholderText);
    label->setContentsMargins(22, 0, 0, 4);
    return label;
}
} // namespace

GeneralSettingsWidget::GeneralSettingsWidget(Core::Store *store, QWidget *parent)
    : QWidget(parent)
    , m_store(store)
    , m_readOnlyBanner(new QLabel(this))
    , m_port(new QLineEdit(this))
    , m_portError(new QLabel(this))
    , m_requireAuthorization(new QCheckBox(tr("Intel® AMT requires &authorization before provisioning"), this))
    , m_allowRemoteConfiguration(new QCheckBox(tr("Allow &Remote Configuration"), this))
    , m_otpRequired(new QCheckBox(tr("&One time password required"), this))
    , m_commonName(new QButtonGroup(this))
    , m_logLevel(new QComboBox(this))
    , m_apply(new QPushButton(tr("&Apply"), this))
    , m_revert(new QPushButton(tr("Re&vert"), this))
    , m_status(new QLabel(this))
{
    auto *header = new PageHeader(themedIcon(QStringLiteral("general")), tr("General Service Settings"),
                                  tr("These settings are kept in the database, so every console and "
                                     "provisioning engine that uses it shares them. Each change is "
                                     "written to the log."),
                                  this);

    m_readOnlyBanner->setObjectName(QStringLiteral("readOnlyBanner"));
    m_readOnlyBanner->setWordWrap(true);
    m_readOnlyBanner->setFrameShape(QFrame::StyledPanel);
    m_readOnlyBanner->setMargin(6);
    m_readOnlyBanner->hide();

    m_port->setObjectName(QStringLiteral("listenPort"));
    m_port->setMaxLength(6);
    m_port->setMaximumWidth(m_port->fontMetrics().horizontalAdvance(QStringLiteral("0000000000")));
    m_port->setToolTip(tr("The TCP port on which the service receives hello packets from Intel AMT "
                          "systems in setup mode (1-65535). Intel AMT uses 9971 unless the port was "
                          "changed in the MEBx."));
    m_portError->setObjectName(QStringLiteral("listenPortError"));
    m_portError->setWordWrap(true);
    QPalette errorPalette = m_portError->palette();
    errorPalette.setColor(QPalette::WindowText, QColor(0xb0, 0x1c, 0x1c));
    m_portError->setPalette(errorPalette);
    m_portError->hide();

    m_requireAuthorization->setObjectName(QStringLiteral("requireAuthorization"));
    m_requireAuthorization->setToolTip(tr("When set, a system that sends hello packets waits as "
                                          "\"Awaiting authorization\" until an administrator authorizes "
                                          "it under Intel AMT Systems."));
    m_allowRemoteConfiguration->setObjectName(QStringLiteral("allowRemoteConfiguration"));
    m_allowRemoteConfiguration->setToolTip(tr("Provision Intel AMT 2.2, 2.6 and 3.0 systems by Remote "
                                              "Configuration (certificate-based TLS) as well as by PID/PPS."));
    m_otpRequired->setObjectName(QStringLiteral("oneTimePasswordRequired"));
    m_otpRequired->setToolTip(tr("Remote Configuration also checks the one-time password set on the "
                                 "system beforehand."));

    auto *fqdn = new QRadioButton(Core::commonNameSourceName(CommonNameSource::Fqdn), this);
    auto *host = new QRadioButton(Core::commonNameSourceName(CommonNameSource::HostName), this);
    auto *sam = new QRadioButton(Core::commonNameSourceName(CommonNameSource::SamAccountName), this);
    fqdn->setObjectName(QStringLiteral("commonNameFqdn"));
    host->setObjectName(QStringLiteral("commonNameHostName"));
    sam->setObjectName(QStringLiteral("commonNameSam"));
    m_commonName->addButton(fqdn, int(CommonNameSource::Fqdn));
    m_commonName->addButton(host, int(CommonNameSource::HostName));
    m_commonName->addButton(sam, int(CommonNameSource::SamAccountName));

    m_logLevel->setObjectName(QStringLiteral("logLevel"));
    for (LogLevel level : {LogLevel::Errors, LogLevel::DebugWarning, LogLevel::Information, LogLevel::Debug}) {
        QString text = Core::logLevelName(level);
        if (level == LogLevel::DebugWarning)
            text = tr("%1 (recommended)").arg(text);
        m_logLevel->addItem(text, int(level));
    }
    m_logLevel->setItemData(0, tr("Errors only"), Qt::ToolTipRole);
    m_logLevel->setItemData(1, tr("Errors and warnings: what you need to see why a system did not provision"),
                            Qt::ToolTipRole);
    m_logLevel->setItemData(2, tr("Errors, warnings and information, such as settings changes"), Qt::ToolTipRole);
    m_logLevel->setItemData(3, tr("Everything, including debug detail"), Qt::ToolTipRole);

    // Layout, in the order of figure 2.
    auto *portRow = new QHBoxLayout;
    portRow->addWidget(m_port);
    portRow->addWidget(m_portError, 1);
    auto *portLabel = new QLabel(tr("&Listen port:"), this);
    portLabel->setBuddy(m_port);
    auto *form = new QFormLayout;
    form->addRow(portLabel, portRow);

    auto *cnBox = new QGroupBox(tr("First Common Name (CN) in certificate subject name"), this);
    auto *cnLayout = new QVBoxLayout(cnBox);
    cnLayout->addWidget(fqdn);
    cnLayout->addWidget(host);
    cnLayout->addWidget(sam);

    auto *logLabel = new QLabel(tr("Log le&vel:"), this);
    logLabel->setBuddy(m_logLevel);
    auto *logRow = new QHBoxLayout;
    logRow->addWidget(logLabel);
    logRow->addWidget(m_logLevel);
    logRow->addStretch(1);

    m_apply->setObjectName(QStringLiteral("apply"));
    m_revert->setObjectName(QStringLiteral("revert"));
    m_apply->setDefault(true);
    m_status->setObjectName(QStringLiteral("status"));
    m_status->setWordWrap(true);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_status, 1);
    buttons->addWidget(m_apply);
    buttons->addWidget(m_revert);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(header);
    layout->addWidget(m_readOnlyBanner);
    layout->addLayout(form);
    layout->addSpacing(6);
    layout->addWidget(m_requireAuthorization);
    layout->addWidget(m_allowRemoteConfiguration);
    layout->addWidget(makeHint(tr("Remote Configuration also needs a provisioning certificate whose root "
                                  "hash the systems trust; without one, systems in Remote Configuration "
                                  "mode cannot be provisioned."),
                               this));
    layout->addWidget(m_otpRequired);
    layout->addSpacing(6);
    layout->addWidget(cnBox);
    layout->addLayout(logRow);
    layout->addStretch(1);
    layout->addLayout(buttons);

    connect(m_port, &QLineEdit::textEdited, this, &GeneralSettingsWidget::onEdited);
    for (QCheckBox *box : {m_requireAuthorization, m_allowRemoteConfiguration, m_otpRequired})
        connect(box, &QCheckBox::toggled, this, &GeneralSettingsWidget::onEdited);
    connect(m_commonName, &QButtonGroup::idToggled, this, &GeneralSettingsWidget::onEdited);
    connect(m_logLevel, &QComboBox::currentIndexChanged, this, &GeneralSettingsWidget::onEdited);
    connect(m_apply, &QPushButton::clicked, this, &GeneralSettingsWidget::apply);
    connect(m_revert, &QPushButton::clicked, this, &GeneralSettingsWidget::revert);
    connect(m_store, &Core::Store::stateChanged, this, [this] {
        updateWritable();
        if (m_store->isReadable() && !m_loaded)
            load();
    });
    connect(m_store, &Core::Store::serviceSettingsChanged, this, [this](const ServiceSettings &settings) {
        // Another console (or oobmctl, through this store) changed them: follow unless the
        // user is editing.
        if (!isModified() && !m_busy)
            showSettings(settings);
    });

    setBusy(true);
    updateWritable();
    if (m_store->isReadable())
        load();
}

GeneralSettingsWidget::~GeneralSettingsWidget() = default;

void GeneralSettingsWidget::load()
{
    setBusy(true);
    Core::whenReady(m_store->serviceSettings(), this, [this](const Core::StoreResult<ServiceSettings> &r) {
        setBusy(false);
        if (!r.ok()) {
            showStatus(r.error.message, true);
            return;
        }
        m_loaded = true;
        showSettings(r.value);
        updateWritable();
        Q_EMIT loaded();
    });
}

void GeneralSettingsWidget::showSettings(const ServiceSettings &settings)
{
    m_stored = settings;
    const QSignalBlocker b1(m_requireAuthorization), b2(m_allowRemoteConfiguration), b3(m_otpRequired),
            b4(m_commonName), b5(m_logLevel);
    m_port->setText(QString::number(settings.listenPort));
    m_requireAuthorization->setChecked(settings.requireAuthorization);
    m_allowRemoteConfiguration->setChecked(settings.allowRemoteConfiguration);
    m_otpRequired->setChecked(settings.oneTimePasswordRequired);
    if (QAbstractButton *b = m_commonName->button(int(settings.commonName)))
        b->setChecked(true);
    m_logLevel->setCurrentIndex(m_logLevel->findData(int(settings.logLevel)));
    onEdited();
}

ServiceSettings GeneralSettingsWidget::edited(QString *portProblem) const
{
    ServiceSettings s = m_stored;
    const QString problem = s.setValue(ServiceSettings::ListenPortKey, m_port->text());
    if (portProblem)
        *portProblem = problem;
    s.requireAuthorization = m_requireAuthorization->isChecked();
    s.allowRemoteConfiguration = m_allowRemoteConfiguration->isChecked();
    s.oneTimePasswordRequired = m_otpRequired->isChecked();
    if (m_commonName->checkedId() >= 0)
        s.commonName = CommonNameSource(m_commonName->checkedId());
    if (m_logLevel->currentIndex() >= 0)
        s.logLevel = LogLevel(m_logLevel->currentData().toInt());
    return s;
}

bool GeneralSettingsWidget::isModified() const
{
    if (!m_loaded)
        return false;
    QString problem;
    const ServiceSettings s = edited(&problem);
    return !problem.isEmpty() || !(s == m_stored);
}

void GeneralSettingsWidget::onEdited()
{
    QString problem;
    edited(&problem);
    if (problem.isEmpty() && m_port->text().trimmed().isEmpty())
        problem = tr("Enter the port number (1-65535).");
    m_portError->setText(problem);
    m_portError->setVisible(!problem.isEmpty());
    m_port->setStyleSheet(problem.isEmpty() ? QString() : QStringLiteral("border: 1px solid #b01c1c;"));
    m_port->setAccessibleDescription(problem);

    const bool modified = isModified();
    m_apply->setEnabled(modified && problem.isEmpty() && !m_busy && m_store->isWritable());
    m_revert->setEnabled(modified && !m_busy);
    if (modified)
        m_status->clear();
    if (modified != m_wasModified) {
        m_wasModified = modified;
        Q_EMIT modifiedChanged(modified);
    }
}

bool GeneralSettingsWidget::apply()
{
    QString problem;
    const ServiceSettings wanted = edited(&problem);
    if (!problem.isEmpty()) {
        onEdited();
        m_port->setFocus();
        return false;
    }
    if (!m_store->isWritable()) {
        showStatus(m_store->lastError().message, true);
        return false;
    }
    if (wanted == m_stored)
        return true;
    setBusy(true);
    showStatus(tr("Applying…"), false);
    Core::whenReady(m_store->applyServiceSettings(wanted, QStringLiteral("console")), this,
                    [this, wanted](const Core::StoreResult<QStringList> &r) {
        setBusy(false);
        if (!r.ok()) {
            showStatus(tr("The settings were not applied: %1").arg(r.error.message), true);
            onEdited();
            Q_EMIT applied(false);
            return;
        }
        m_stored = wanted;
        onEdited();
        showStatus(r.value.isEmpty() ? tr("Nothing changed.") : r.value.join(u' '), false);
        Q_EMIT applied(true);
    });
    return true;
}

void GeneralSettingsWidget::revert()
{
    showSettings(m_stored);
    m_status->clear();
}

void GeneralSettingsWidget::setBusy(bool busy)
{
    m_busy = busy;
    const bool editable = !busy && m_loaded && m_store->isWritable();
    for (QWidget *w : std::initializer_list<QWidget *>{m_port, m_requireAuthorization, m_allowRemoteConfiguration,
                                                       m_otpRequired, m_logLevel})
        w->setEnabled(editable);
    for (QAbstractButton *b : m_commonName->buttons())
        b->setEnabled(editable);
    onEdited();
}

void GeneralSettingsWidget::updateWritable()
{
    const bool readOnly = m_store->state() == Core::Store::State::ReadOnly;
    m_readOnlyBanner->setText(readOnly ? tr("These settings are shown read-only. %1").arg(m_store->lastError().message)
                                       : QString());
    m_readOnlyBanner->setVisible(readOnly);
    setBusy(m_busy);
}

void GeneralSettingsWidget::showStatus(const QString &text, bool error)
{
    m_status->setText(text);
    QPalette p = palette();
    if (error)
        p.setColor(QPalette::WindowText, QColor(0xb0, 0x1c, 0x1c));
    m_status->setPalette(p);
}

} // namespace Oobm::Gui
