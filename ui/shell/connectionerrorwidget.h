// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QWidget>

class QLabel;

namespace Oobm::Gui {

// The reference's figure 12, with its second bullet telling the real cause: shown in the page
// area instead of any page that needs the store when the store cannot be used.
class ConnectionErrorWidget final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConnectionErrorWidget)

public:
    explicit ConnectionErrorWidget(QWidget *parent = nullptr);
    ~ConnectionErrorWidget() override;

    static QString generalMessage();
    void setCause(const QString &cause, const QString &location);
    QString cause() const;
    // The whole text as shown (for copying and tests).
    QString text() const;

Q_SIGNALS:
    void retryRequested();

private:
    QLabel *m_text;
    QString m_cause;
};

} // namespace Oobm::Gui
