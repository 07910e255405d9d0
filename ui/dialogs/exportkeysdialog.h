// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "core/keys/keyledger.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QRadioButton;

namespace Oobm::Gui {

// Export Security Keys: a USB One-Touch setup.bin (v1 for AMT 2.x BIOSes, v2 for AMT 3.0 and
// later) or a CSV for an OEM; the selected keys or every available one.
class ExportKeysDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ExportKeysDialog)

public:
    ExportKeysDialog(const QList<QByteArray> &selected, int available, QWidget *parent = nullptr);
    ~ExportKeysDialog() override;

    Core::KeyExportRequest request() const;

private:
    void update();

    QList<QByteArray> m_selected;
    QComboBox *m_format;
    QRadioButton *m_onlySelected;
    QRadioButton *m_allAvailable;
    QCheckBox *m_passwords;
    QLabel *m_warning;
    QLineEdit *m_path;
    QDialogButtonBox *m_buttons;
};

} // namespace Oobm::Gui
