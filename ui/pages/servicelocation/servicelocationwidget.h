// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "core/settings/servicesettings.h"
#include "ui/shell/pagecontext.h"
#include "ui/widgets/settingsfields.h"

#include <QWidget>

class QButtonGroup;
class QLabel;
class QLineEdit;
class QPushButton;
class QTimer;

namespace Oobm::Gui {

class SettingsForm;

// Configuration Service Settings > Service Location: where the engines listen, this server's
// name and addresses, the provisioning server that exported setup.bin files name (those two a
// SettingsForm), and a hello sender (the reference's RCT tool) that proves the path end to end.
class ServiceLocationWidget final : public QWidget, private SettingsFields
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ServiceLocationWidget)

public:
    explicit ServiceLocationWidget(const PageContext &context, QWidget *parent = nullptr);
    ~ServiceLocationWidget() override;

    SettingsForm *form() const { return m_form; }
    void sendHello();

Q_SIGNALS:
    void helloResult(bool received, const QString &text);

protected:
    // The engines are asked every 5 s only while the page is shown.
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    QList<Field> settingsFields() const override;
    void showSettings(const Core::ServiceSettings &settings, const QStringList &keys) override;
    QList<Core::SettingProblem> readSettings(Core::ServiceSettings &settings) const override;
    void refreshEngines();
    void waitForHello(const QString &uuid, qint64 afterId, int triesLeft);
    void showHelloStatus(const QString &text, bool error);

    PageContext m_context;

    QLabel *m_engines;
    QLabel *m_addresses;
    QLineEdit *m_serverName;
    QLineEdit *m_setupServer;
    QLabel *m_error;
    SettingsForm *m_form = nullptr;
    QLineEdit *m_helloServer;
    QLineEdit *m_helloUuid;
    QLineEdit *m_helloPid;
    QButtonGroup *m_helloType;
    QPushButton *m_send;
    QLabel *m_helloStatus;
    QTimer *m_refresh;
};

} // namespace Oobm::Gui
