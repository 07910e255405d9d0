// SPDX-License-Identifier: GPL-2.0-or-later
#include "exportkeysdialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

namespace Oobm::Gui {

using Core::KeyExportFormat;

ExportKeysDialog::ExportKeysDialog(const QList<QByteArray> &selected, int available, QWidget *parent)
    : QDialog(parent)
    , m_selected(selected)
    , m_format(new QComboBox(this))
    , m_onlySelected(new QRadioButton(tr("The %n selected keys", nullptr, int(selected.size())), this))
    , m_allAvailable(new QRadioButton(tr("Every available key (%n)", nullptr, available), this))
    , m_passwords(new QCheckBox(tr("Include the Intel ME passwords"), this))
    , m_warning(new QLabel(this))
    , m_path(new QLineEdit(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("Export Security Keys"));
    m_format->setObjectName(QStringLiteral("format"));
    m_format->addItem(tr("USB One-Touch setup.bin, version 2 (Intel AMT 3.0 and later)"),
                      int(KeyExportFormat::SetupBinV2));
    m_format->addItem(tr("USB One-Touch setup.bin, version 1 (Intel AMT 2.x)"), int(KeyExportFormat::SetupBinV1));
    m_format->addItem(tr("CSV file (PID, PPS), for an OEM or another console"), int(KeyExportFormat::Csv));
    m_onlySelected->setEnabled(!selected.isEmpty());
    (selected.isEmpty() ? m_allAvailable : m_onlySelected)->setChecked(true);
    m_passwords->setObjectName(QStringLiteral("includePasswords"));
    m_warning->setWordWrap(true);
    m_path->setObjectName(QStringLiteral("path"));
    m_path->setText(QDir::home().filePath(QStringLiteral("setup.bin")));
    auto *browse = new QPushButton(tr("&Browse…"), this);
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(this, tr("Export to"), m_path->text());
        if (!path.isEmpty())
            m_path->setText(path);
    });
    auto *pathRow = new QHBoxLayout;
    pathRow->addWidget(m_path, 1);
    pathRow->addWidget(browse);

    auto *form = new QFormLayout;
    form->addRow(tr("&Format:"), m_format);
    form->addRow(tr("Keys:"), m_onlySelected);
    form->addRow(QString(), m_allAvailable);
    form->addRow(QString(), m_passwords);
    form->addRow(tr("&File:"), pathRow);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_warning);
    layout->addWidget(m_buttons);

    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_format, &QComboBox::currentIndexChanged, this, &ExportKeysDialog::update);
    connect(m_passwords, &QCheckBox::toggled, this, &ExportKeysDialog::update);
    connect(m_path, &QLineEdit::textChanged, this, &ExportKeysDialog::update);
    update();
}

ExportKeysDialog::~ExportKeysDialog() = default;

void ExportKeysDialog::update()
{
    const bool csv = KeyExportFormat(m_format->currentData().toInt()) == KeyExportFormat::Csv;
    m_passwords->setEnabled(csv);
    if (!csv)
        m_passwords->setChecked(false);
    QString warning;
    if (!csv)
        warning = tr("A setup.bin holds each key's PPS and both Intel ME passwords. Keep the USB "
                     "key safe; every client "
                     "in factory mode that boots with it takes one record.");
    else if (m_passwords->isChecked())
        warning = tr("The file will hold the Intel ME passwords in plain text. Only include them "
                     "if the receiver needs "
                     "them, and delete the file once it has been used.");
    m_warning->setText(warning);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(!m_path->text().trimmed().isEmpty());
}

Core::KeyExportRequest ExportKeysDialog::request() const
{
    Core::KeyExportRequest r;
    r.format = KeyExportFormat(m_format->currentData().toInt());
    r.path = m_path->text().trimmed();
    if (m_onlySelected->isChecked())
        r.pids = m_selected;
    r.includePasswords = m_passwords->isChecked();
    r.actor = Core::AuditActor::current();
    return r;
}

} // namespace Oobm::Gui
