// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "core/keys/keyledger.h"
#include "core/store/store.h"

#include <QDialog>
#include <QFuture>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QSpinBox;

namespace Oobm::Gui {

// Generate Security Keys (figure 6): how many keys, the factory default Intel ME password, and
// the new one (checked against the ME password rules as it is typed). Generation runs off the
// GUI thread with a progress bar; Cancel keeps nothing.
class GenerateKeysDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GenerateKeysDialog)

public:
    explicit GenerateKeysDialog(Core::Store *store, QWidget *parent = nullptr);
    ~GenerateKeysDialog() override;

    Core::KeyGenerationRequest request() const;
    QString problem() const; // what the user must fix before OK, or empty
    bool isRunning() const { return m_running; }
    Core::StoreResult<Core::KeyBatchResult> generationResult() const { return m_result; }

    void accept() override; // starts generating
    void reject() override; // cancels a running generation

Q_SIGNALS:
    void generated(const Oobm::Core::KeyBatchResult &batch);

private:
    void validate();
    void finishRun(const Core::StoreResult<Core::KeyBatchResult> &result);

    Core::Store *m_store;
    QSpinBox *m_count;
    QLineEdit *m_defaultPassword;
    QLineEdit *m_newPassword;
    QLineEdit *m_confirm;
    QLabel *m_problem;
    QProgressBar *m_progress;
    QDialogButtonBox *m_buttons;
    QFuture<Core::StoreResult<Core::KeyBatchResult>> m_future;
    Core::StoreResult<Core::KeyBatchResult> m_result;
    bool m_running = false;
};

} // namespace Oobm::Gui
