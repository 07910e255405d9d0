// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "core/settings/servicesettings.h"
#include "ui/shell/pagecontext.h"

#include <QWidget>

class QButtonGroup;
class QLabel;
class QLineEdit;
class QPushButton;
class QTimer;

namespace Oobm::Gui {

// Configuration Service Settings > Service Location: where the engines listen, this server's
// name and addresses, the provisioning server that exported setup.bin files name, and a hello
// sender (the reference's RCT tool) that proves the path end to end.
class ServiceLocationWidget final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ServiceLocationWidget)

public:
    explicit ServiceLocationWidget(const PageContext &context, QWidget *parent = nullptr);
    ~ServiceLocationWidget() override;

    bool isModified() const;
    bool apply();
    void revert();
    void sendHello();

Q_SIGNALS:
    void modifiedChanged(bool modified);
    void loaded();
    void helloResult(bool received, const QString &text);

protected:
    // The engines are asked every 5 s only while the page is shown.
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    Core::ServiceSettings edited(QString *problem) const;
    void load();
    void showSettings(const Core::ServiceSettings &settings);
    void refreshEngines();
    void onEdited();
    void waitForHello(const QString &uuid, qint64 afterId, int triesLeft);
    void showHelloStatus(const QString &text, bool error);

    PageContext m_context;
    Core::ServiceSettings m_stored;
    bool m_loaded = false;
    bool m_wasModified = false;

    QLabel *m_engines;
    QLabel *m_addresses;
    QLineEdit *m_serverName;
    QLineEdit *m_setupServer;
    QLabel *m_error;
    QPushButton *m_apply;
    QPushButton *m_revert;
    QLineEdit *m_helloServer;
    QLineEdit *m_helloUuid;
    QLineEdit *m_helloPid;
    QButtonGroup *m_helloType;
    QPushButton *m_send;
    QLabel *m_helloStatus;
    QTimer *m_refresh;
};

} // namespace Oobm::Gui
