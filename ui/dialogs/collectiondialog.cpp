// SPDX-License-Identifier: GPL-2.0-or-later
#include "collectiondialog.h"

#include "core/async.h"
#include "core/store/store.h"
#include "ui/widgets/problemlabel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QFileDialog>
#include <QFormLayout>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QStackedWidget>
#include <QTimer>
#include <QVBoxLayout>

namespace Oobm::Gui {

namespace {
constexpr int CountDelayMs = 300; // the live count waits for a pause in typing
constexpr qint64 MaxImportBytes = 16 * 1024 * 1024;
constexpr int MaxHours = 24 * 3660;
} // namespace

CollectionDialog::CollectionDialog(Core::Store *store, const Core::Collection &collection, QWidget *parent)
    : QDialog(parent)
    , m_store(store)
    , m_id(collection.id)
    , m_createdBy(collection.createdBy)
    , m_name(new QLineEdit(collection.name, this))
    , m_description(new QLineEdit(collection.description, this))
    , m_kind(new QComboBox(this))
    , m_pages(new QStackedWidget(this))
    , m_minVersion(new QLineEdit(this))
    , m_maxVersion(new QLineEdit(this))
    , m_profile(new QComboBox(this))
    , m_fqdn(new QLineEdit(this))
    , m_ip(new QLineEdit(this))
    , m_olderThan(new QSpinBox(this))
    , m_newerThan(new QSpinBox(this))
    , m_taskOutcome(new QComboBox(this))
    , m_tag(new QComboBox(this))
    , m_members(new QPlainTextEdit(this))
    , m_count(new QLabel(this))
    , m_problem(new ProblemLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this))
    , m_countLater(new QTimer(this))
{
    setObjectName(QStringLiteral("collectionDialog"));
    setWindowTitle(m_id > 0 ? tr("Collection %1").arg(collection.name) : tr("New collection"));
    m_name->setObjectName(QStringLiteral("name"));
    m_description->setObjectName(QStringLiteral("description"));
    m_description->setPlaceholderText(tr("What the collection is for (optional)"));
    m_kind->setObjectName(QStringLiteral("kind"));
    m_kind->addItem(tr("Dynamic: the systems a rule selects at the time"), int(Core::Collection::Kind::Dynamic));
    m_kind->addItem(tr("Static: systems chosen by hand"), int(Core::Collection::Kind::Static));
    m_kind->setCurrentIndex(m_kind->findData(int(collection.kind)));

    // The rule: every condition that is set must hold.
    auto *rulePage = new QWidget(this);
    auto *states = new QGridLayout;
    int i = 0;
    for (Core::SystemState s : Core::allSystemStates()) {
        auto *box = new QCheckBox(Core::systemStateName(s), rulePage);
        box->setObjectName(QStringLiteral("state-") + Core::systemStateKey(s));
        m_states.insert(int(s), box);
        states->addWidget(box, i / 3, i % 3);
        ++i;
    }
    m_minVersion->setObjectName(QStringLiteral("minVersion"));
    m_minVersion->setPlaceholderText(tr("any"));
    m_maxVersion->setObjectName(QStringLiteral("maxVersion"));
    m_maxVersion->setPlaceholderText(tr("any"));
    m_minVersion->setToolTip(tr("The lowest AMT version, such as 2.5 or 3.0.4"));
    m_maxVersion->setToolTip(tr("The highest AMT version; 3.2 includes 3.2.x"));
    auto *versions = new QHBoxLayout;
    versions->addWidget(m_minVersion);
    versions->addWidget(new QLabel(tr("to"), rulePage));
    versions->addWidget(m_maxVersion);
    m_profile->setObjectName(QStringLiteral("profile"));
    m_profile->addItem(tr("Any profile"), qint64(0));
    m_fqdn->setObjectName(QStringLiteral("fqdnPattern"));
    m_fqdn->setPlaceholderText(tr("*.lab.example.com"));
    m_fqdn->setToolTip(tr("The FQDN or name, * for any characters and ? for one, without regard to case"));
    m_ip->setObjectName(QStringLiteral("ipRange"));
    m_ip->setPlaceholderText(tr("10.1.0.0/16 or 10.1.0.5-10.1.0.90"));
    for (QSpinBox *hours : {m_olderThan, m_newerThan}) {
        hours->setRange(0, MaxHours);
        hours->setSuffix(tr(" h"));
        hours->setSpecialValueText(tr("any time"));
    }
    m_olderThan->setObjectName(QStringLiteral("helloOlderThan"));
    m_olderThan->setToolTip(
            tr("Systems whose last hello is older than this (or that never said hello): the silent ones"));
    m_newerThan->setObjectName(QStringLiteral("helloNewerThan"));
    m_newerThan->setToolTip(tr("Systems that said hello within this many hours"));
    auto *hello = new QHBoxLayout;
    hello->addWidget(new QLabel(tr("more than"), rulePage));
    hello->addWidget(m_olderThan);
    hello->addWidget(new QLabel(tr("ago, and less than"), rulePage));
    hello->addWidget(m_newerThan);
    hello->addWidget(new QLabel(tr("ago"), rulePage));
    hello->addStretch();
    m_taskOutcome->setObjectName(QStringLiteral("taskOutcome"));
    m_taskOutcome->addItem(tr("Any"), int(Core::CollectionRule::TaskOutcome::Any));
    m_taskOutcome->addItem(tr("Failed"), int(Core::CollectionRule::TaskOutcome::LastFailed));
    m_taskOutcome->addItem(tr("Succeeded"), int(Core::CollectionRule::TaskOutcome::LastSucceeded));
    m_tag->setObjectName(QStringLiteral("tag"));
    m_tag->setEditable(true);
    m_tag->setInsertPolicy(QComboBox::NoInsert);
    m_tag->lineEdit()->setPlaceholderText(tr("any"));
    auto *ruleForm = new QFormLayout(rulePage);
    ruleForm->setContentsMargins(0, 0, 0, 0);
    ruleForm->addRow(new QLabel(tr("Systems that meet every condition set here:"), rulePage));
    ruleForm->addRow(tr("State (any of):"), states);
    ruleForm->addRow(tr("AMT &version:"), versions);
    ruleForm->addRow(tr("&Profile:"), m_profile);
    ruleForm->addRow(tr("&FQDN:"), m_fqdn);
    ruleForm->addRow(tr("&IP address in:"), m_ip);
    ruleForm->addRow(tr("Last hello:"), hello);
    ruleForm->addRow(tr("Last &task:"), m_taskOutcome);
    ruleForm->addRow(tr("T&ag:"), m_tag);

    // The members, by hand.
    auto *staticPage = new QWidget(this);
    m_members->setObjectName(QStringLiteral("members"));
    m_members->setPlaceholderText(tr("One system per line: its UUID, FQDN or name"));
    auto *import = new QPushButton(tr("&Import…"), staticPage);
    import->setObjectName(QStringLiteral("import"));
    import->setToolTip(tr("Read UUIDs, FQDNs or names from a text or CSV file (the first column)"));
    connect(import, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Import systems"), {},
                                                          tr("Lists (*.txt *.csv);;All files (*)"));
        QString error;
        if (!path.isEmpty() && !importMembers(path, &error))
            m_problem->setText(error);
    });
    auto *staticLayout = new QVBoxLayout(staticPage);
    staticLayout->setContentsMargins(0, 0, 0, 0);
    staticLayout->addWidget(new QLabel(tr("Paste or import the systems; names the database does not know are "
                                          "listed when you save, and nothing is saved until each is known."),
                                       staticPage));
    staticLayout->addWidget(m_members, 1);
    auto *importRow = new QHBoxLayout;
    importRow->addWidget(import);
    importRow->addStretch();
    staticLayout->addLayout(importRow);

    m_pages->addWidget(rulePage);
    m_pages->addWidget(staticPage);

    m_count->setObjectName(QStringLiteral("matchCount"));

    auto *form = new QFormLayout;
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&Description:"), m_description);
    form->addRow(tr("&Kind:"), m_kind);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_pages, 1);
    layout->addWidget(m_count);
    layout->addWidget(m_problem);
    layout->addWidget(m_buttons);

    setRule(collection.rule);
    m_members->setPlainText(collection.members.join(u'\n'));
    if (m_id > 0 && collection.kind == Core::Collection::Kind::Static && collection.members.isEmpty()) {
        // The members as stored now.
        m_members->setEnabled(false);
        Core::whenReady(m_store->collection(m_id, true), this, [this](const Core::StoreResult<Core::Collection> &r) {
            m_members->setEnabled(true);
            if (r.ok())
                m_members->setPlainText(r.value.members.join(u'\n'));
            else
                m_problem->setText(r.error.message);
        });
    }

    m_countLater->setSingleShot(true);
    m_countLater->setInterval(CountDelayMs);
    connect(m_countLater, &QTimer::timeout, this, &CollectionDialog::countMatches);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &CollectionDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    for (QLineEdit *e : {m_name, m_description, m_minVersion, m_maxVersion, m_fqdn, m_ip})
        connect(e, &QLineEdit::textChanged, this, &CollectionDialog::validate);
    for (QCheckBox *box : std::as_const(m_states))
        connect(box, &QCheckBox::toggled, this, &CollectionDialog::validate);
    for (QSpinBox *box : {m_olderThan, m_newerThan})
        connect(box, &QSpinBox::valueChanged, this, &CollectionDialog::validate);
    for (QComboBox *box : {m_kind, m_profile, m_taskOutcome})
        connect(box, &QComboBox::currentIndexChanged, this, &CollectionDialog::validate);
    connect(m_tag, &QComboBox::currentTextChanged, this, &CollectionDialog::validate);
    connect(m_members, &QPlainTextEdit::textChanged, this, &CollectionDialog::validate);
    resize(640, 560);
    validate();
    loadChoices(collection.rule.profileId, collection.rule.tag);
}

CollectionDialog::~CollectionDialog() = default;

void CollectionDialog::setRule(const Core::CollectionRule &rule)
{
    for (auto it = m_states.cbegin(); it != m_states.cend(); ++it)
        it.value()->setChecked(rule.states.contains(Core::SystemState(it.key())));
    m_minVersion->setText(rule.minVersion);
    m_maxVersion->setText(rule.maxVersion);
    m_fqdn->setText(rule.fqdnPattern);
    m_ip->setText(rule.ipRange);
    m_olderThan->setValue(rule.helloOlderThanHours);
    m_newerThan->setValue(rule.helloNewerThanHours);
    m_taskOutcome->setCurrentIndex(m_taskOutcome->findData(int(rule.taskOutcome)));
    m_tag->setEditText(rule.tag);
}

Core::CollectionRule CollectionDialog::rule() const
{
    Core::CollectionRule r;
    for (Core::SystemState s : Core::allSystemStates()) {
        if (m_states.value(int(s))->isChecked())
            r.states << s;
    }
    r.minVersion = m_minVersion->text().trimmed();
    r.maxVersion = m_maxVersion->text().trimmed();
    r.profileId = m_profile->currentData().toLongLong();
    r.fqdnPattern = m_fqdn->text().trimmed();
    r.ipRange = m_ip->text().trimmed();
    r.helloOlderThanHours = m_olderThan->value();
    r.helloNewerThanHours = m_newerThan->value();
    r.taskOutcome = Core::CollectionRule::TaskOutcome(m_taskOutcome->currentData().toInt());
    r.tag = m_tag->currentText().trimmed();
    return r;
}

QStringList CollectionDialog::members() const
{
    return Core::Collection::parseMembers(m_members->toPlainText());
}

Core::Collection CollectionDialog::collection() const
{
    Core::Collection c;
    c.id = m_id;
    c.name = m_name->text().trimmed();
    c.description = m_description->text().trimmed();
    c.kind = Core::Collection::Kind(m_kind->currentData().toInt());
    c.createdBy = m_createdBy.isEmpty() ? Core::AuditActor::current().user : m_createdBy;
    if (c.kind == Core::Collection::Kind::Dynamic)
        c.rule = rule();
    else
        c.members = members();
    return c;
}

bool CollectionDialog::importMembers(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text)) {
        *error = tr("Cannot read %1: %2").arg(path, file.errorString());
        return false;
    }
    if (file.size() > MaxImportBytes) {
        *error = tr("%1 is larger than %2 MB: that is not a list of systems.").arg(path).arg(MaxImportBytes >> 20);
        return false;
    }
    QStringList names;
    const QString text = QString::fromUtf8(file.readAll());
    for (const QString &line : text.split(u'\n')) {
        const QString first = line.section(u',', 0, 0).remove(u'"').trimmed();
        // A header line ("UUID", "FQDN") or a comment is not a system.
        if (first.isEmpty() || first.startsWith(u'#') || first.compare(QLatin1String("uuid"), Qt::CaseInsensitive) == 0
            || first.compare(QLatin1String("fqdn"), Qt::CaseInsensitive) == 0)
            continue;
        names << first;
    }
    const QString before = m_members->toPlainText().trimmed();
    m_members->setPlainText(before.isEmpty() ? names.join(u'\n') : before + u'\n' + names.join(u'\n'));
    return true;
}

void CollectionDialog::validate()
{
    const Core::Collection c = collection();
    m_pages->setCurrentIndex(c.kind == Core::Collection::Kind::Dynamic ? 0 : 1);
    const QString problem = c.problem();
    m_problem->setText(problem);
    m_buttons->button(QDialogButtonBox::Save)->setEnabled(problem.isEmpty());
    if (c.kind == Core::Collection::Kind::Static) {
        m_countLater->stop();
        ++m_countGeneration;
        m_count->setText(tr("%n systems listed.", nullptr, int(c.members.size())));
    } else if (!c.rule.problem().isEmpty()) {
        m_countLater->stop();
        ++m_countGeneration;
        m_count->setText(tr("No count while a condition is wrong."));
    } else {
        m_countLater->start();
    }
}

void CollectionDialog::countMatches()
{
    const quint64 generation = ++m_countGeneration;
    Core::Collection c = collection();
    c.id = 0; // the rule as typed, whatever is stored
    Core::whenReady(m_store->countCollectionMembers(c), this, [this, generation](const Core::StoreResult<qint64> &r) {
        if (generation != m_countGeneration)
            return;
        m_count->setText(r.ok() ? tr("%1 systems match now.").arg(QLocale().toString(r.value)) : r.error.message);
    });
}

void CollectionDialog::loadChoices(qint64 profileId, const QString &tag)
{
    Core::whenReady(m_store->listProfiles(), this,
                    [this, profileId](const Core::StoreResult<QList<Core::ProvisionProfile>> &r) {
        const qint64 current = m_profile->currentData().toLongLong() > 0 ? m_profile->currentData().toLongLong()
                                                                         : profileId;
        const QSignalBlocker block(m_profile);
        m_profile->clear();
        m_profile->addItem(tr("Any profile"), qint64(0));
        for (const Core::ProvisionProfile &p : r.value)
            m_profile->addItem(p.name, p.id);
        if (current > 0 && m_profile->findData(current) < 0)
            m_profile->addItem(tr("#%1 (deleted)").arg(current), current);
        m_profile->setCurrentIndex(qMax(0, m_profile->findData(current)));
        validate();
    });
    Core::whenReady(m_store->listTags(), this, [this, tag](const Core::StoreResult<QList<Core::TagCount>> &r) {
        const QString text = m_tag->currentText();
        const QSignalBlocker block(m_tag);
        m_tag->clear();
        for (const Core::TagCount &t : r.value)
            m_tag->addItem(t.tag);
        m_tag->setEditText(text.isEmpty() ? tag : text);
    });
}

void CollectionDialog::accept()
{
    validate();
    if (!m_buttons->button(QDialogButtonBox::Save)->isEnabled())
        return;
    const Core::Collection c = collection();
    m_buttons->setEnabled(false);
    Core::whenReady(m_store->saveCollection(c), this, [this, c](const Core::StoreResult<qint64> &r) {
        if (!r.ok()) {
            m_buttons->setEnabled(true);
            m_problem->setText(r.error.message);
            return;
        }
        m_id = r.value;
        if (c.kind == Core::Collection::Kind::Static && c.members.isEmpty() && c.id > 0) {
            // Saving keeps the stored members when none are given: an emptied list empties them.
            Core::whenReady(m_store->changeCollectionMembers(m_id, {}, Core::MemberChange::Replace), this,
                            [this](const Core::StoreResult<int> &emptied) {
                m_buttons->setEnabled(true);
                if (!emptied.ok()) {
                    m_problem->setText(emptied.error.message);
                    return;
                }
                QDialog::accept();
            });
            return;
        }
        m_buttons->setEnabled(true);
        QDialog::accept();
    });
}

} // namespace Oobm::Gui
