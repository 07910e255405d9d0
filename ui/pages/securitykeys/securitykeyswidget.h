// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "ui/shell/pagecontext.h"

#include <QList>
#include <QWidget>

class QAction;
class QComboBox;
class QLabel;
class QLineEdit;
class QSortFilterProxyModel;
class QTableView;

namespace Oobm::Gui {

class SecurityKeysModel;

// Manage Security Keys (figure 5): the key ledger, and generate, export, import, show, delete.
class SecurityKeysWidget final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SecurityKeysWidget)

public:
    explicit SecurityKeysWidget(const PageContext &context, QWidget *parent = nullptr);
    ~SecurityKeysWidget() override;

    SecurityKeysModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    QList<QByteArray> selectedPids() const;
    QAction *generateAction() const { return m_generate; }
    QAction *showAction() const { return m_show; }

    void generate();
    void exportKeys();
    void importKeys();
    void showSelected();
    void deleteSelected();

private:
    void updateActions();
    void updateFilter();
    void updateLockBanner();
    void showMessage(const QString &text, bool error);

    PageContext m_context;
    SecurityKeysModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QTableView *m_view;
    QComboBox *m_state;
    QLineEdit *m_search;
    QLabel *m_banner;
    QLabel *m_status;
    QAction *m_generate;
    QAction *m_export;
    QAction *m_import;
    QAction *m_show;
    QAction *m_delete;
};

} // namespace Oobm::Gui
