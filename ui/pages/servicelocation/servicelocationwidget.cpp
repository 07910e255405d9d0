// SPDX-License-Identifier: GPL-2.0-or-later
#include "servicelocationwidget.h"

#include "core/async.h"
#include "core/dns/dnschecker.h"
#include "core/keys/pidpps.h"
#include "core/provisioning/helloclient.h"
#include "core/store/store.h"
#include "ui/shell/icons.h"
#include "ui/widgets/pageheader.h"
#include "ui/widgets/settingsform.h"

#include <QButtonGroup>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkInterface>
#include <QPushButton>
#include <QRadioButton>
#include <QTimer>
#include <QUuid>
#include <QVBoxLayout>
#include <QtConcurrent>

namespace Oobm::Gui {

using Core::ServiceSettings;

namespace {

enum HelloType { Psk = 0, Pki = 1 };

void setErrorStyle(QLabel *label, bool error)
{
    QPalette p = label->parentWidget()->palette();
    if (error)
        p.setColor(QPalette::WindowText, QColor(0xb0, 0x1c, 0x1c));
    label->setPalette(p);
}

} // namespace

ServiceLocationWidget::ServiceLocationWidget(const PageContext &context, QWidget *parent)
    : QWidget(parent)
    , m_context(context)
    , m_engines(new QLabel(this))
    , m_addresses(new QLabel(this))
    , m_serverName(new QLineEdit(this))
    , m_setupServer(new QLineEdit(this))
    , m_error(new QLabel(this))
    , m_helloServer(new QLineEdit(this))
    , m_helloUuid(new QLineEdit(this))
    , m_helloPid(new QLineEdit(this))
    , m_helloType(new QButtonGroup(this))
    , m_send(new QPushButton(tr("&Send Hello"), this))
    , m_helloStatus(new QLabel(this))
    , m_refresh(new QTimer(this))
{
    auto *header = new PageHeader(themedIcon(QStringLiteral("location")), tr("Service Location"),
                                  tr("Where the provisioning service listens, and how Intel AMT systems reach it."),
                                  this);

    // Where it listens.
    m_engines->setObjectName(QStringLiteral("engines"));
    m_engines->setWordWrap(true);
    m_engines->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_addresses->setObjectName(QStringLiteral("addresses"));
    m_addresses->setWordWrap(true);
    m_addresses->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QStringList addresses;
    for (const QHostAddress &a : QNetworkInterface::allAddresses()) {
        if (!a.isLoopback() && !a.isLinkLocal())
            addresses << a.toString();
    }
    m_addresses->setText(addresses.isEmpty() ? tr("only loopback") : addresses.join(QStringLiteral(", ")));
    m_serverName->setObjectName(QStringLiteral("serverName"));
    // The machine's name may need /etc/resolv.conf: read it off the GUI thread.
    Core::whenReady(QtConcurrent::run([] { return Core::DnsChecker::localServerName(); }), this,
                    [this](const QString &name) { m_serverName->setPlaceholderText(name); });
    m_serverName->setToolTip(tr("This server's fully qualified name: the target of the "
                                "ProvisionServer CNAMEs (also on the DNS Configuration page)."));
    auto *listening = new QGroupBox(tr("This server"), this);
    auto *listeningForm = new QFormLayout(listening);
    listeningForm->addRow(tr("Engines:"), m_engines);
    listeningForm->addRow(tr("Addresses:"), m_addresses);
    listeningForm->addRow(tr("&Name:"), m_serverName);

    // setup.bin.
    m_setupServer->setObjectName(QStringLiteral("setupServer"));
    m_setupServer->setPlaceholderText(tr("none: devices find ProvisionServer through DNS"));
    m_setupServer->setToolTip(tr("IPV4[:PORT] written into exported setup.bin files (version "
                                 "2.1), so devices send their hellos there without DNS."));
    m_error->setObjectName(QStringLiteral("settingsError"));
    auto *setupBox = new QGroupBox(tr("USB One-Touch setup.bin"), this);
    auto *setupForm = new QFormLayout(setupBox);
    setupForm->addRow(tr("Provisioning &server:"), m_setupServer);
    setupForm->addRow(QString(), m_error);
    m_form = new SettingsForm(m_context.store, this, this);

    // The hello sender.
    m_helloServer->setObjectName(QStringLiteral("helloServer"));
    m_helloServer->setToolTip(tr("HOST:PORT of the provisioning service to send the hello to."));
    m_helloUuid->setObjectName(QStringLiteral("helloUuid"));
    m_helloUuid->setText(QUuid::createUuid().toString(QUuid::WithoutBraces).toUpper());
    m_helloUuid->setToolTip(tr("The UUID the hello claims; a made-up one shows up as a new "
                               "system."));
    m_helloPid->setObjectName(QStringLiteral("helloPid"));
    m_helloPid->setPlaceholderText(tr("XXXX-XXXX"));
    m_helloPid->setToolTip(tr("The PID of a PSK hello: one from Security Keys provisions "
                              "nothing (no device answers), an unknown one shows \"failed to "
                              "find PID\"."));
    auto *psk = new QRadioButton(tr("PS&K with PID:"), this);
    auto *pki = new QRadioButton(tr("P&KI (the loaded provisioning certificates' root hashes)"), this);
    psk->setObjectName(QStringLiteral("helloPsk"));
    pki->setObjectName(QStringLiteral("helloPki"));
    m_helloType->addButton(psk, Psk);
    m_helloType->addButton(pki, Pki);
    psk->setChecked(true);
    m_send->setObjectName(QStringLiteral("sendHello"));
    m_helloStatus->setObjectName(QStringLiteral("helloStatus"));
    m_helloStatus->setWordWrap(true);
    m_helloStatus->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *helloBox = new QGroupBox(tr("Send a test hello"), this);
    auto *helloForm = new QFormLayout(helloBox);
    auto *helloIntro = new QLabel(tr("Sends one hello packet from this machine, as a device in "
                                     "setup mode does (the RCT tool of the reference), and shows "
                                     "whether an engine on this database received it."),
                                  helloBox);
    helloIntro->setWordWrap(true);
    helloForm->addRow(helloIntro);
    helloForm->addRow(tr("Se&rver:"), m_helloServer);
    helloForm->addRow(tr("&UUID:"), m_helloUuid);
    auto *pidRow = new QHBoxLayout;
    pidRow->addWidget(psk);
    pidRow->addWidget(m_helloPid, 1);
    helloForm->addRow(tr("Type:"), pidRow);
    helloForm->addRow(QString(), pki);
    auto *sendRow = new QHBoxLayout;
    sendRow->addWidget(m_send);
    sendRow->addWidget(m_helloStatus, 1);
    helloForm->addRow(sendRow);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(header);
    layout->addWidget(m_form->banner());
    layout->addWidget(listening);
    layout->addWidget(setupBox);
    layout->addWidget(m_form->buttons());
    layout->addWidget(helloBox);
    layout->addStretch(1);

    for (QLineEdit *e : {m_serverName, m_setupServer})
        connect(e, &QLineEdit::textEdited, m_form, &SettingsForm::fieldsEdited);
    connect(m_send, &QPushButton::clicked, this, &ServiceLocationWidget::sendHello);
    connect(m_helloType, &QButtonGroup::idToggled, this,
            [this] { m_helloPid->setEnabled(m_helloType->checkedId() == Psk); });
    connect(m_form, &SettingsForm::loaded, this, &ServiceLocationWidget::refreshEngines);
    m_refresh->setInterval(5000);
    connect(m_refresh, &QTimer::timeout, this, &ServiceLocationWidget::refreshEngines);
}

ServiceLocationWidget::~ServiceLocationWidget() = default;

void ServiceLocationWidget::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_form->isLoaded())
        refreshEngines();
    m_refresh->start();
}

void ServiceLocationWidget::hideEvent(QHideEvent *event)
{
    QWidget::hideEvent(event);
    m_refresh->stop();
}

void ServiceLocationWidget::refreshEngines()
{
    if (!m_context.store->isReadable())
        return;
    Core::whenReady(m_context.store->engines(), this, [this](const Core::StoreResult<QList<Core::EngineStatus>> &r) {
        const QDateTime now = QDateTime::currentDateTimeUtc();
        QStringList lines;
        QString target; // where the hello sender aims by default
        for (const Core::EngineStatus &e : r.value) {
            if (!e.isAlive(now))
                continue;
            if (target.isEmpty() && e.error.isEmpty()) {
                target = e.listen.section(QStringLiteral(", "), 0, 0);
                for (const char *any : {"0.0.0.0:", "[::]:"}) {
                    if (target.startsWith(QLatin1String(any)))
                        target = QStringLiteral("127.0.0.1:") + target.section(u':', -1);
                }
            }
            lines << (e.error.isEmpty() ? tr("%1 listening on %2 since %3")
                                                  .arg(e.host, e.listen, e.started.toLocalTime().toString(Qt::ISODate))
                                        : tr("%1 not listening: %2").arg(e.host, e.error));
        }
        if (m_helloServer->text().isEmpty())
            m_helloServer->setText(target.isEmpty() ? QStringLiteral("127.0.0.1:%1").arg(m_form->stored().listenPort)
                                                    : target);
        m_engines->setText(lines.isEmpty() ? tr("No engine is running on this database: "
                                                "hellos are not received.")
                                           : lines.join(u'\n'));
    });
}

QList<SettingsFields::Field> ServiceLocationWidget::settingsFields() const
{
    return {
            {ServiceSettings::ServerFqdnKey, {m_serverName}, m_error},
            {ServiceSettings::SetupServerAddressKey, {m_setupServer}, m_error},
    };
}

void ServiceLocationWidget::showSettings(const ServiceSettings &settings, const QStringList &keys)
{
    if (keys.contains(ServiceSettings::ServerFqdnKey))
        m_serverName->setText(settings.serverFqdn);
    if (keys.contains(ServiceSettings::SetupServerAddressKey))
        m_setupServer->setText(settings.setupServerAddress);
}

QList<Core::SettingProblem> ServiceLocationWidget::readSettings(ServiceSettings &settings) const
{
    QList<Core::SettingProblem> problems;
    readText(settings, ServiceSettings::ServerFqdnKey, m_serverName->text(), &problems);
    readText(settings, ServiceSettings::SetupServerAddressKey, m_setupServer->text(), &problems);
    return problems;
}

void ServiceLocationWidget::showHelloStatus(const QString &text, bool error)
{
    m_helloStatus->setText(text);
    setErrorStyle(m_helloStatus, error);
}

void ServiceLocationWidget::sendHello()
{
    QString host;
    quint16 port = 0;
    QString problem;
    if (!Core::HelloClient::parseServer(m_helloServer->text(), &host, &port, &problem)) {
        showHelloStatus(problem, true);
        return;
    }
    const QHostAddress address(host);
    if (address.isNull()) {
        showHelloStatus(tr("Give the server as an IP address and port, such as 127.0.0.1:9971."), true);
        return;
    }
    Core::HelloPacket hello;
    hello.uuid = QUuid::fromString(m_helloUuid->text().trimmed());
    if (hello.uuid.isNull()) {
        showHelloStatus(tr("'%1' is not a UUID such as 4B529B93-D413-181D-E487-1C697A6B7A2B.").arg(m_helloUuid->text()),
                        true);
        return;
    }
    const bool pki = m_helloType->checkedId() == Pki;
    if (!pki) {
        hello.pid = Core::PidPps::normalizePid(m_helloPid->text(), &problem);
        if (hello.pid.isEmpty()) {
            showHelloStatus(problem, true);
            return;
        }
    }
    m_send->setEnabled(false);
    showHelloStatus(tr("Sending…"), false);
    const QString uuid = Core::HelloPacket::uuidText(hello.uuid);
    // The newest hello now, the certificates' root hashes (PKI), then the send, all off this thread.
    Core::whenReady(m_context.store->listCertificates(), this,
                    [this, hello, pki, address, port,
                     uuid](const Core::StoreResult<QList<Core::ProvisioningCertificate>> &certs) mutable {
        if (pki) {
            hello.version = Core::HelloPacket::Version::Pki;
            for (const Core::ProvisioningCertificate &c : certs.value)
                hello.rootHashes.append(
                        {Core::HelloPacket::HashType::Sha1, QByteArray::fromHex(c.rootSha1.toLatin1())});
            if (hello.rootHashes.isEmpty()) {
                m_send->setEnabled(true);
                showHelloStatus(tr("No provisioning certificate is loaded: import "
                                   "one (Security Keys) to send a PKI hello."),
                                true);
                return;
            }
        }
        Core::whenReady(m_context.store->listHellos({}, 0, 1), this,
                        [this, hello, address, port, uuid](const Core::StoreResult<QList<Core::HelloRecord>> &last) {
            const qint64 afterId = last.value.isEmpty() ? 0 : last.value.first().id;
            Core::whenReady(
                    QtConcurrent::run([hello, address, port] { return Core::HelloClient::send(address, port, hello); }),
                    this,
                    [this, uuid, afterId, address, port](const QString &error) {
                if (!error.isEmpty()) {
                    m_send->setEnabled(true);
                    showHelloStatus(error, true);
                    Q_EMIT helloResult(false, error);
                    return;
                }
                showHelloStatus(
                        tr("Sent to %1:%2; waiting for an engine to record it…").arg(address.toString()).arg(port),
                        false);
                waitForHello(uuid, afterId, 20);
                    });
        });
    });
}

void ServiceLocationWidget::waitForHello(const QString &uuid, qint64 afterId, int triesLeft)
{
    Core::whenReady(m_context.store->listHellos(uuid, afterId, 1), this,
                    [this, uuid, afterId, triesLeft](const Core::StoreResult<QList<Core::HelloRecord>> &r) {
        if (!r.value.isEmpty()) {
            const Core::HelloRecord &h = r.value.first();
            QString outcome = h.outcome;
            while (outcome.endsWith(u'.'))
                outcome.chop(1);
            const QString text = tr("Received by engine %1 at %2: %3. The Hello Monitor "
                                    "shows it too.")
                                         .arg(h.engine, h.time.toLocalTime().toString(Qt::ISODate), outcome);
            m_send->setEnabled(true);
            showHelloStatus(text, false);
            Q_EMIT helloResult(true, text);
            return;
        }
        if (triesLeft <= 0) {
            const QString text = tr("Delivered, but no engine on this database recorded it "
                                    "within 5 s: the server there is not an OOBM engine "
                                    "using this database.");
            m_send->setEnabled(true);
            showHelloStatus(text, true);
            Q_EMIT helloResult(false, text);
            return;
        }
        QTimer::singleShot(250, this, [this, uuid, afterId, triesLeft] { waitForHello(uuid, afterId, triesLeft - 1); });
    });
}

} // namespace Oobm::Gui
