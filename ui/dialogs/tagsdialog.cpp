// SPDX-License-Identifier: GPL-2.0-or-later
#include "tagsdialog.h"

#include "core/async.h"
#include "core/store/store.h"
#include "ui/widgets/problemlabel.h"

#include <QCompleter>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QStringListModel>
#include <QVBoxLayout>

namespace Oobm::Gui {

TagsDialog::TagsDialog(Core::Store *store, const QStringList &uuids, QWidget *parent)
    : QDialog(parent)
    , m_store(store)
    , m_uuids(uuids)
    , m_add(new QLineEdit(this))
    , m_remove(new QListWidget(this))
    , m_problem(new ProblemLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Apply | QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("tagsDialog"));
    setWindowTitle(tr("Tags of %n systems", nullptr, int(uuids.size())));
    m_add->setObjectName(QStringLiteral("addTags"));
    m_add->setPlaceholderText(tr("lab, floor 2, pilot"));
    m_add->setToolTip(tr("Tags to give the systems, separated by commas; a tag is a word or a few"));
    m_remove->setObjectName(QStringLiteral("removeTags"));
    m_remove->setToolTip(tr("Check the tags to take off the systems"));
    auto *completer = new QCompleter(new QStringListModel(this), this);
    completer->setCaseSensitivity(Qt::CaseInsensitive);
    m_add->setCompleter(completer);

    auto *form = new QFormLayout;
    form->addRow(tr("&Add tags:"), m_add);
    form->addRow(tr("&Remove tags:"), m_remove);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(tr("Tags name systems for collections: a dynamic collection can select the "
                                    "systems with a tag, and tasks can run on it."),
                                 this));
    layout->addLayout(form, 1);
    layout->addWidget(m_problem);
    layout->addWidget(m_buttons);
    m_buttons->button(QDialogButtonBox::Apply)->setText(tr("&Apply"));
    m_buttons->button(QDialogButtonBox::Apply)->setObjectName(QStringLiteral("apply"));
    connect(m_buttons->button(QDialogButtonBox::Apply), &QPushButton::clicked, this, &TagsDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_add, &QLineEdit::textChanged, this, &TagsDialog::validate);
    connect(m_remove, &QListWidget::itemChanged, this, &TagsDialog::validate);
    validate();

    Core::whenReady(m_store->listTags(), this, [this, completer](const Core::StoreResult<QList<Core::TagCount>> &r) {
        QStringList tags;
        for (const Core::TagCount &t : r.value) {
            tags << t.tag;
            auto *item = new QListWidgetItem(tr("%1 (%n systems)", nullptr, int(t.systems)).arg(t.tag), m_remove);
            item->setData(Qt::UserRole, t.tag);
            item->setFlags(Qt::ItemIsUserCheckable | Qt::ItemIsEnabled);
            item->setCheckState(Qt::Unchecked);
        }
        qobject_cast<QStringListModel *>(completer->model())->setStringList(tags);
        if (tags.isEmpty())
            m_remove->addItem(tr("No system has a tag yet."));
    });
    resize(440, 360);
}

TagsDialog::~TagsDialog() = default;

QStringList TagsDialog::tagsToAdd() const
{
    QStringList tags;
    for (const QString &part : m_add->text().split(u',', Qt::SkipEmptyParts)) {
        const QString tag = part.simplified();
        if (!tag.isEmpty() && !tags.contains(tag))
            tags << tag;
    }
    return tags;
}

QStringList TagsDialog::tagsToRemove() const
{
    QStringList tags;
    for (int i = 0; i < m_remove->count(); ++i) {
        const QListWidgetItem *item = m_remove->item(i);
        if (item->checkState() == Qt::Checked)
            tags << item->data(Qt::UserRole).toString();
    }
    return tags;
}

void TagsDialog::validate()
{
    m_problem->clear();
    m_buttons->button(QDialogButtonBox::Apply)->setEnabled(!tagsToAdd().isEmpty() || !tagsToRemove().isEmpty());
}

void TagsDialog::accept()
{
    const QStringList add = tagsToAdd();
    const QStringList remove = tagsToRemove();
    if (add.isEmpty() && remove.isEmpty())
        return;
    m_buttons->setEnabled(false);
    Core::whenReady(m_store->tagSystems(m_uuids, add, remove), this,
                    [this, add, remove](const Core::StoreResult<int> &r) {
        m_buttons->setEnabled(true);
        if (!r.ok()) {
            m_problem->setText(r.error.message);
            return;
        }
        QStringList parts;
        if (!add.isEmpty())
            parts << tr("tagged %n systems %1", nullptr, int(m_uuids.size())).arg(add.join(QStringLiteral(", ")));
        if (!remove.isEmpty())
            parts << tr("took %1 off %n systems", nullptr, int(m_uuids.size())).arg(remove.join(QStringLiteral(", ")));
        QString summary = parts.join(QStringLiteral("; "));
        summary[0] = summary.at(0).toUpper();
        Q_EMIT tagged(summary + u'.');
        QDialog::accept();
    });
}

} // namespace Oobm::Gui
