// SPDX-License-Identifier: GPL-2.0-or-later
#include "generalsettingswidget.h"

#include "ui/shell/icons.h"
#include "ui/widgets/pageheader.h"
#include "ui/widgets/settingsform.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QRadioButton>
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
    , m_port(new QLineEdit(this))
    , m_portError(new QLabel(this))
    , m_requireAuthorization(new QCheckBox(tr("Intel® AMT requires &authorization before provisioning"), this))
    , m_allowRemoteConfiguration(new QCheckBox(tr("Allow &Remote Configuration"), this))
    , m_otpRequired(new QCheckBox(tr("&One time password required"), this))
    , m_commonName(new QButtonGroup(this))
    , m_logLevel(new QComboBox(this))
{
    auto *header = new PageHeader(themedIcon(QStringLiteral("general")), tr("General Service Settings"),
                                  tr("These settings are kept in the database, so every console and "
                                     "provisioning engine that uses it shares them. Each change is "
                                     "written to the log."),
                                  this);

    m_port->setObjectName(QStringLiteral("listenPort"));
    m_port->setMaxLength(6);
    m_port->setMaximumWidth(m_port->fontMetrics().horizontalAdvance(QStringLiteral("0000000000")));
    m_port->setToolTip(tr("The TCP port on which the service receives hello packets from Intel AMT "
                          "systems in setup mode (1-65535). Intel AMT uses 9971 unless the port was "
                          "changed in the MEBx."));
    m_portError->setObjectName(QStringLiteral("listenPortError"));

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

    m_form = new SettingsForm(store, this, this);
    m_form->statusLabel()->setObjectName(QStringLiteral("status"));

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(header);
    layout->addWidget(m_form->banner());
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
    layout->addWidget(m_form->buttons());

    connect(m_port, &QLineEdit::textEdited, m_form, &SettingsForm::fieldsEdited);
    for (QCheckBox *box : {m_requireAuthorization, m_allowRemoteConfiguration, m_otpRequired})
        connect(box, &QCheckBox::toggled, m_form, &SettingsForm::fieldsEdited);
    connect(m_commonName, &QButtonGroup::idToggled, m_form, &SettingsForm::fieldsEdited);
    connect(m_logLevel, &QComboBox::currentIndexChanged, m_form, &SettingsForm::fieldsEdited);
}

GeneralSettingsWidget::~GeneralSettingsWidget() = default;

QList<SettingsFields::Field> GeneralSettingsWidget::settingsFields() const
{
    QList<QWidget *> commonName;
    for (QAbstractButton *b : m_commonName->buttons())
        commonName.append(b);
    return {
            {ServiceSettings::ListenPortKey, {m_port}, m_portError},
            {ServiceSettings::RequireAuthorizationKey, {m_requireAuthorization}},
            {ServiceSettings::AllowRemoteConfigurationKey, {m_allowRemoteConfiguration}},
            {ServiceSettings::OneTimePasswordRequiredKey, {m_otpRequired}},
            {ServiceSettings::CommonNameKey, commonName},
            {ServiceSettings::LogLevelKey, {m_logLevel}},
    };
}

void GeneralSettingsWidget::showSettings(const ServiceSettings &settings, const QStringList &keys)
{
    if (keys.contains(ServiceSettings::ListenPortKey))
        m_port->setText(QString::number(settings.listenPort));
    if (keys.contains(ServiceSettings::RequireAuthorizationKey))
        m_requireAuthorization->setChecked(settings.requireAuthorization);
    if (keys.contains(ServiceSettings::AllowRemoteConfigurationKey))
        m_allowRemoteConfiguration->setChecked(settings.allowRemoteConfiguration);
    if (keys.contains(ServiceSettings::OneTimePasswordRequiredKey))
        m_otpRequired->setChecked(settings.oneTimePasswordRequired);
    if (keys.contains(ServiceSettings::CommonNameKey)) {
        if (QAbstractButton *b = m_commonName->button(int(settings.commonName)))
            b->setChecked(true);
    }
    if (keys.contains(ServiceSettings::LogLevelKey))
        m_logLevel->setCurrentIndex(m_logLevel->findData(int(settings.logLevel)));
}

QList<Core::SettingProblem> GeneralSettingsWidget::readSettings(ServiceSettings &settings) const
{
    QList<Core::SettingProblem> problems;
    readText(settings, ServiceSettings::ListenPortKey, m_port->text(), &problems);
    settings.requireAuthorization = m_requireAuthorization->isChecked();
    settings.allowRemoteConfiguration = m_allowRemoteConfiguration->isChecked();
    settings.oneTimePasswordRequired = m_otpRequired->isChecked();
    if (m_commonName->checkedId() >= 0)
        settings.commonName = CommonNameSource(m_commonName->checkedId());
    if (m_logLevel->currentIndex() >= 0)
        settings.logLevel = LogLevel(m_logLevel->currentData().toInt());
    return problems;
}

} // namespace Oobm::Gui
