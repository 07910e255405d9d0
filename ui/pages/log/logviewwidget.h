// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QWidget>

class QLabel;
class QStackedWidget;
class QTableView;

namespace Oobm::Core {
class LocalSettings;
class Store;
} // namespace Oobm::Core

namespace Oobm::Gui {

class LogModel;

// A log table with its empty state and entry count. The three Logs pages will share it, each
// configured by source and columns.
class LogViewWidget final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LogViewWidget)

public:
    LogViewWidget(Core::Store *store, Core::LocalSettings *settings, const QString &settingsKey,
                  QWidget *parent = nullptr);
    ~LogViewWidget() override;

    LogModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }

private:
    void updateState();
    void saveHeader();

    Core::LocalSettings *m_settings;
    QString m_settingsKey;
    LogModel *m_model;
    QStackedWidget *m_stack;
    QTableView *m_view;
    QLabel *m_empty;
    QLabel *m_count;
};

} // namespace Oobm::Gui
