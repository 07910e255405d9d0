// SPDX-License-Identifier: GPL-2.0-or-later
// The four service-settings pages (General, DNS Configuration, Service Location, Maintenance) as
// the console registers them, through the one SettingsForm they share: each case runs on every
// page. A read-only store, an Apply that fails for real (another connection holds the SQLite
// write lock), a change made elsewhere while the user edits (through this store, and through
// another connection on the same file, as another process makes it), inline validation, and
// Apply writing only the page's own keys.
#include "common/testsupport.h"

#include "core/store/sqlstore.h"
#include "ui/pages/settings/settingspage.h"
#include "ui/shell/page.h"
#include "ui/shell/pages.h"
#include "ui/widgets/settingsform.h"

#include <QCheckBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QtTest>

using namespace Oobm::Core;
using Oobm::Gui::Page;
using Oobm::Gui::SettingsForm;
using Oobm::Gui::SettingsPage;

namespace {

// One settings page and what each case does on it. Inputs are named by objectName; a value is
// what the input shows (a line edit's text, a spin box's value, a check box's "true"/"false").
struct PageRow
{
    QString pageId;
    // What the user edits: the input, the key it sets, what they enter and the stored text then.
    QString editInput;
    QString editKey;
    QString editValue;
    QString editStored;
    QString editElsewhere; // another value for the same key, stored elsewhere meanwhile
    // Another key of the same page that changes elsewhere, and what its input shows then.
    QString otherInput;
    QString otherKey;
    QString otherStored;
    QString otherShown;
    // An entry that does not pass, the label that must say why, and part of the message.
    QString badInput;
    QString badValue;
    QString errorLabel;
    QString errorText;
    // A key of another page that another process changes meanwhile.
    QString foreignKey;
    QString foreignStored;
};

QString shown(QWidget *input)
{
    if (auto *e = qobject_cast<QLineEdit *>(input))
        return e->text();
    if (auto *b = qobject_cast<QSpinBox *>(input))
        return QString::number(b->value());
    if (auto *c = qobject_cast<QCheckBox *>(input))
        return c->isChecked() ? QStringLiteral("true") : QStringLiteral("false");
    return {};
}

// As the user does it: typed into a line edit, stepped to in a spin box, a click on a check box.
void enter(QWidget *input, const QString &value)
{
    if (auto *e = qobject_cast<QLineEdit *>(input)) {
        e->setFocus();
        e->selectAll();
        if (value.isEmpty())
            QTest::keyClick(e, Qt::Key_Delete);
        else
            QTest::keyClicks(e, value);
    } else if (auto *b = qobject_cast<QSpinBox *>(input)) {
        b->setValue(value.toInt());
    } else if (auto *c = qobject_cast<QCheckBox *>(input)) {
        if (shown(c) != value)
            c->click();
    }
}

ServiceSettings storedIn(Store &store)
{
    const auto r = store.serviceSettings().result();
    return r.value;
}

ServiceSettings with(ServiceSettings s, const QString &key, const QString &value)
{
    const QString problem = s.setValue(key, value);
    Q_ASSERT(problem.isEmpty());
    return s;
}

} // namespace

Q_DECLARE_METATYPE(PageRow)

class tst_SettingsForm final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void readOnlyStoreDisablesEveryInput_data() { addPageRows(); }
    void readOnlyStoreDisablesEveryInput();
    void failedApplyKeepsTheEdits_data() { addPageRows(); }
    void failedApplyKeepsTheEdits();
    void followsChangesWithoutEdits_data() { addPageRows(true); }
    void followsChangesWithoutEdits();
    void changeElsewhereKeepsTheEdits_data() { addPageRows(true); }
    void changeElsewhereKeepsTheEdits();
    void problemShownNextToItsInput_data() { addPageRows(); }
    void problemShownNextToItsInput();
    void applyWritesOnlyThePagesKeys_data() { addPageRows(); }
    void applyWritesOnlyThePagesKeys();

private:
    // withWriters: each page twice, the change made elsewhere written through this store or
    // through another connection (column "otherConnection").
    static void addPageRows(bool withWriters = false);
    // Stores settings as another console or oobmctl does: through this store (which then says
    // so at once), or through another connection on the same file (which this store notices).
    void storeElsewhere(bool otherConnection, const ServiceSettings &settings);
    QString dbPath() const { return m_dir->filePath(QStringLiteral("oobm.db")); }
    // Opens the store and the row's page as the console registers it, and waits for its values.
    void openPage(const PageRow &row, int busyTimeoutMs = 5000);
    QWidget *input(const QString &name) const
    {
        auto *w = m_widget->findChild<QWidget *>(name);
        Q_ASSERT(w);
        return w;
    }
    // Row tags name one test function row, so the unprivileged child runs only that one.
    bool runsHere();

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<SqlStore> m_store;
    std::unique_ptr<SqlStore> m_other;
    std::unique_ptr<QObject> m_pages;
    SettingsPage *m_page = nullptr;
    std::unique_ptr<QWidget> m_widget;
    SettingsForm *m_form = nullptr;
};

void tst_SettingsForm::addPageRows(bool withWriters)
{
    QTest::addColumn<PageRow>("row");
    QTest::addColumn<bool>("otherConnection");
    QList<std::pair<const char *, PageRow>> rows;
    rows.append({"general",
                 PageRow{.pageId = "general",
                         .editInput = "listenPort",
                         .editKey = ServiceSettings::ListenPortKey,
                         .editValue = "9377",
                         .editStored = "9377",
                         .editElsewhere = "1111",
                         .otherInput = "requireAuthorization",
                         .otherKey = ServiceSettings::RequireAuthorizationKey,
                         .otherStored = "true",
                         .otherShown = "true",
                         .badInput = "listenPort",
                         .badValue = "70000",
                         .errorLabel = "listenPortError",
                         .errorText = "70000 is outside that range",
                         .foreignKey = ServiceSettings::DnsSuffixesKey,
                         .foreignStored = "elsewhere.test"}});
    rows.append({"dns-configuration",
                 PageRow{.pageId = "dns-configuration",
                         .editInput = "dnsSuffixes",
                         .editKey = ServiceSettings::DnsSuffixesKey,
                         .editValue = "Good.Test, lab.good.test",
                         .editStored = "good.test,lab.good.test",
                         .editElsewhere = "other.test",
                         .otherInput = "dnsServer",
                         .otherKey = ServiceSettings::DnsServerKey,
                         .otherStored = "127.0.0.1:5353",
                         .otherShown = "127.0.0.1:5353",
                         .badInput = "dnsServer",
                         .badValue = "dns.example.com",
                         .errorLabel = "settingsError",
                         .errorText = "is not an IP address",
                         .foreignKey = ServiceSettings::ListenPortKey,
                         .foreignStored = "1111"}});
    rows.append({"service-location",
                 PageRow{.pageId = "service-location",
                         .editInput = "setupServer",
                         .editKey = ServiceSettings::SetupServerAddressKey,
                         .editValue = "192.0.2.10:9971",
                         .editStored = "192.0.2.10:9971",
                         .editElsewhere = "192.0.2.99",
                         .otherInput = "serverName",
                         .otherKey = ServiceSettings::ServerFqdnKey,
                         .otherStored = "scs.example.test",
                         .otherShown = "scs.example.test",
                         .badInput = "setupServer",
                         .badValue = "scs.example.com",
                         .errorLabel = "settingsError",
                         .errorText = "is not an IPv4 address",
                         .foreignKey = ServiceSettings::LogRetentionDaysKey,
                         .foreignStored = "14"}});
    // The spin boxes count days, and thousands of entries.
    rows.append({"maintenance",
                 PageRow{.pageId = "maintenance",
                         .editInput = "logDays",
                         .editKey = ServiceSettings::LogRetentionDaysKey,
                         .editValue = "30",
                         .editStored = "30",
                         .editElsewhere = "60",
                         .otherInput = "auditDays",
                         .otherKey = ServiceSettings::AuditRetentionDaysKey,
                         .otherStored = "365",
                         .otherShown = "365",
                         .badInput = "auditDays",
                         .badValue = "30",
                         .errorLabel = "retentionProblem",
                         .errorText = "at least 90 days",
                         .foreignKey = ServiceSettings::ListenPortKey,
                         .foreignStored = "1111"}});
    // The device maintenance jobs of the same page: 0 is "Off".
    rows.append({"maintenance-jobs",
                 PageRow{.pageId = "maintenance",
                         .editInput = "clockSyncHours",
                         .editKey = ServiceSettings::ClockSyncHoursKey,
                         .editValue = "12",
                         .editStored = "12",
                         .editElsewhere = "24",
                         .otherInput = "certificateWarningDays",
                         .otherKey = ServiceSettings::CertificateWarningDaysKey,
                         .otherStored = "0",
                         .otherShown = "0",
                         .badInput = "auditDays",
                         .badValue = "30",
                         .errorLabel = "retentionProblem",
                         .errorText = "at least 90 days",
                         .foreignKey = ServiceSettings::DnsServerKey,
                         .foreignStored = "127.0.0.1:5353"}});
    rows.append({"maintenance-keys",
                 PageRow{.pageId = "maintenance",
                         .editInput = "retireExportedDays",
                         .editKey = ServiceSettings::RetireExportedDaysKey,
                         .editValue = "30",
                         .editStored = "30",
                         .editElsewhere = "0",
                         .otherInput = "passwordRotationDays",
                         .otherKey = ServiceSettings::PasswordRotationDaysKey,
                         .otherStored = "90",
                         .otherShown = "90",
                         .badInput = "auditDays",
                         .badValue = "10",
                         .errorLabel = "retentionProblem",
                         .errorText = "at least 90 days",
                         .foreignKey = ServiceSettings::ServerFqdnKey,
                         .foreignStored = "scs.example.test"}});
    for (const auto &[tag, row] : std::as_const(rows)) {
        if (!withWriters) {
            QTest::newRow(tag) << row << false;
            continue;
        }
        QTest::addRow("%s/this store", tag) << row << false;
        QTest::addRow("%s/another connection", tag) << row << true;
    }
}

void tst_SettingsForm::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void tst_SettingsForm::cleanup()
{
    m_widget.reset();
    m_other.reset();
    m_pages.reset();
    m_page = nullptr;
    m_form = nullptr;
    m_store.reset();
    m_dir.reset();
}

void tst_SettingsForm::openPage(const PageRow &row, int busyTimeoutMs)
{
    StoreLocation location = StoreLocation::sqlite(dbPath());
    location.setBusyTimeoutMs(busyTimeoutMs);
    m_store = std::make_unique<SqlStore>(location);
    const StoreError opened = m_store->openAndWait();
    QVERIFY2(!opened, qPrintable(opened.message));
    m_pages = std::make_unique<QObject>();
    Oobm::Gui::PageContext context;
    context.store = m_store.get();
    for (const Oobm::Gui::NavigationEntry &e : Oobm::Gui::createPages(context, m_pages.get())) {
        if (e.page->id() == row.pageId)
            m_page = qobject_cast<SettingsPage *>(e.page);
    }
    QVERIFY2(m_page, qPrintable(row.pageId));
    m_widget.reset(m_page->widget(nullptr));
    m_form = m_page->form();
    QVERIFY(m_form);
    m_widget->resize(900, 800);
    m_widget->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_widget.get()));
    QTRY_VERIFY(m_form->isLoaded());
    QVERIFY(!m_form->isBusy());
    QVERIFY(!m_page->isModified());
}

void tst_SettingsForm::storeElsewhere(bool otherConnection, const ServiceSettings &settings)
{
    Store *writer = m_store.get();
    if (otherConnection) {
        if (!m_other) {
            m_other = std::make_unique<SqlStore>(StoreLocation::sqlite(dbPath()));
            QVERIFY(!m_other->openAndWait());
        }
        writer = m_other.get();
    }
    const auto r = writer->applyServiceSettings(settings, QStringLiteral("oobmctl")).result();
    QVERIFY2(r.ok(), qPrintable(r.error.message));
}

bool tst_SettingsForm::runsHere()
{
    const QByteArray function = QByteArray(QTest::currentTestFunction()) + ':' + QTest::currentDataTag();
    QString failure;
    if (Oobm::Test::shouldRunHere(function.constData(), &failure))
        return true;
    [&] { QVERIFY2(failure.isEmpty(), qPrintable(failure)); }();
    return false;
}

void tst_SettingsForm::readOnlyStoreDisablesEveryInput()
{
    // Root writes any file, so this row runs again as nobody, where chmod counts.
    if (!runsHere())
        return;
    QFETCH(PageRow, row);
    {
        SqlStore writer(StoreLocation::sqlite(dbPath()));
        QVERIFY(!writer.openAndWait());
        QVERIFY(writer.applyServiceSettings(with(storedIn(writer), row.otherKey, row.otherStored), "oobmctl")
                        .result()
                        .ok());
    }
    QVERIFY(QFile::setPermissions(dbPath(), QFile::ReadOwner));
    openPage(row);
    QCOMPARE(m_store->state(), Store::State::ReadOnly);

    // What the store holds is shown.
    QCOMPARE(shown(input(row.otherInput)), row.otherShown);
    // The banner says why nothing can be changed, and nothing can.
    auto *banner = m_widget->findChild<QLabel *>("readOnlyBanner");
    QVERIFY(banner);
    QVERIFY(banner->isVisible());
    QVERIFY2(banner->text().contains(QStringLiteral("%1 is read-only").arg(dbPath())), qPrintable(banner->text()));
    QVERIFY(!m_widget->findChild<QLabel *>("changedElsewhereBanner")->isVisible());
    QVERIFY(!m_form->inputs().isEmpty());
    for (QWidget *w : m_form->inputs())
        QVERIFY2(!w->isEnabled(), qPrintable(w->objectName()));
    QVERIFY(!m_form->applyButton()->isEnabled());
    QVERIFY(!m_form->revertButton()->isEnabled());
    QVERIFY(QFile::setPermissions(dbPath(), QFile::ReadOwner | QFile::WriteOwner));
}

void tst_SettingsForm::failedApplyKeepsTheEdits()
{
    QFETCH(PageRow, row);
    // The store gives up on a lock after 300 ms.
    openPage(row, 300);
    const QString before = storedIn(*m_store).value(row.editKey);
    enter(input(row.editInput), row.editValue);
    QVERIFY(m_page->isModified());
    QVERIFY(m_form->applyButton()->isEnabled());

    // Another program holds the write lock longer than the store waits for it.
    const QString name = QStringLiteral("locker");
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(dbPath());
        QVERIFY(db.open());
        QSqlQuery q(db);
        QVERIFY(q.exec(QStringLiteral("BEGIN EXCLUSIVE")));

        QSignalSpy applied(m_form, &SettingsForm::applied);
        QTest::mouseClick(m_form->applyButton(), Qt::LeftButton);
        // Busy meanwhile: nothing can be edited, applied or reverted twice.
        QVERIFY(m_form->isBusy());
        for (QWidget *w : m_form->inputs())
            QVERIFY2(!w->isEnabled(), qPrintable(w->objectName()));
        QVERIFY(!m_form->applyButton()->isEnabled());
        QVERIFY(!m_form->revertButton()->isEnabled());

        QTRY_COMPARE_WITH_TIMEOUT(applied.size(), 1, 10000);
        QCOMPARE(applied.first().first().toBool(), false);
        QVERIFY(q.exec(QStringLiteral("ROLLBACK")));
        db.close();
    }
    QSqlDatabase::removeDatabase(name);

    // The store's reason is shown in the form; the edits are kept and can be applied again.
    QLabel *status = m_form->statusLabel();
    QVERIFY(status->isVisible());
    QVERIFY2(status->text().startsWith(
                     QStringLiteral("The settings were not applied: The database file %1 is locked").arg(dbPath())),
             qPrintable(status->text()));
    QCOMPARE(shown(input(row.editInput)), row.editValue);
    QVERIFY(m_page->isModified());
    QVERIFY(!m_form->isBusy());
    QVERIFY(input(row.editInput)->isEnabled());
    QVERIFY(m_form->applyButton()->isEnabled());
    QCOMPARE(storedIn(*m_store).value(row.editKey), before);

    QSignalSpy applied(m_form, &SettingsForm::applied);
    QTest::mouseClick(m_form->applyButton(), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(applied.size(), 1, 5000);
    QCOMPARE(applied.first().first().toBool(), true);
    QCOMPARE(storedIn(*m_store).value(row.editKey), row.editStored);
    QVERIFY(!m_page->isModified());
    QVERIFY(!status->text().contains(QStringLiteral("not applied")));
}

void tst_SettingsForm::followsChangesWithoutEdits()
{
    QFETCH(PageRow, row);
    QFETCH(bool, otherConnection);
    openPage(row);
    storeElsewhere(otherConnection, with(storedIn(*m_store), row.otherKey, row.otherStored));
    QTRY_COMPARE(shown(input(row.otherInput)), row.otherShown);
    QVERIFY(!m_page->isModified());
    QVERIFY(!m_form->isChangedElsewhere());
    QVERIFY(!m_widget->findChild<QLabel *>("changedElsewhereBanner")->isVisible());
}

void tst_SettingsForm::changeElsewhereKeepsTheEdits()
{
    QFETCH(PageRow, row);
    QFETCH(bool, otherConnection);
    openPage(row);
    QSignalSpy modified(m_form, &SettingsForm::modifiedChanged);
    enter(input(row.editInput), row.editValue);
    QVERIFY(m_page->isModified());
    QCOMPARE(modified.size(), 1);
    auto *banner = m_widget->findChild<QLabel *>("changedElsewhereBanner");
    QVERIFY(!banner->isVisible());

    // Another writer (oobmctl, another console) changes another key of this page.
    storeElsewhere(otherConnection, with(storedIn(*m_store), row.otherKey, row.otherStored));
    // The untouched input shows the new value, the edit stays, and the banner says so.
    QTRY_COMPARE(shown(input(row.otherInput)), row.otherShown);
    QCOMPARE(shown(input(row.editInput)), row.editValue);
    QVERIFY(m_page->isModified());
    QVERIFY(m_form->isChangedElsewhere());
    QVERIFY(banner->isVisible());
    QVERIFY2(banner->text().contains(QStringLiteral("changed elsewhere")), qPrintable(banner->text()));
    QVERIFY2(banner->text().contains(QStringLiteral("Revert")), qPrintable(banner->text()));

    // Then the key the user is editing: their edit still stays.
    const ServiceSettings changed = with(storedIn(*m_store), row.editKey, row.editElsewhere);
    storeElsewhere(otherConnection, changed);
    QTRY_VERIFY(m_form->stored() == changed);
    QCOMPARE(shown(input(row.editInput)), row.editValue);
    QVERIFY(banner->isVisible());

    // Revert shows exactly what is stored.
    QTest::mouseClick(m_form->revertButton(), Qt::LeftButton);
    QCOMPARE(m_form->edited(), storedIn(*m_store));
    QCOMPARE(shown(input(row.otherInput)), row.otherShown);
    QVERIFY(!m_page->isModified());
    QVERIFY(!m_form->isChangedElsewhere());
    QVERIFY(!banner->isVisible());
    QCOMPARE(modified.size(), 2);
    QCOMPARE(modified.last().first().toBool(), false);
}

void tst_SettingsForm::problemShownNextToItsInput()
{
    QFETCH(PageRow, row);
    openPage(row);
    const ServiceSettings before = storedIn(*m_store);
    auto *error = m_widget->findChild<QLabel *>(row.errorLabel);
    QVERIFY(error);
    QVERIFY(!error->isVisible());
    enter(input(row.badInput), row.badValue);
    QVERIFY(error->isVisible());
    QVERIFY2(error->text().contains(row.errorText), qPrintable(error->text()));
    QVERIFY2(input(row.badInput)->accessibleDescription().contains(row.errorText),
             qPrintable(input(row.badInput)->accessibleDescription()));
    // The label sits by its input (same box or form).
    QCOMPARE(error->parentWidget(), input(row.badInput)->parentWidget());

    // Apply is refused: by its button and by the page (the shell's "Apply" when leaving).
    QVERIFY(m_page->isModified());
    QVERIFY(!m_form->applyButton()->isEnabled());
    QVERIFY(m_form->revertButton()->isEnabled());
    QSignalSpy applied(m_form, &SettingsForm::applied);
    QVERIFY(!m_page->apply());
    QVERIFY(!m_form->isBusy());
    QCOMPARE(applied.size(), 0);
    QCOMPARE(storedIn(*m_store), before);

    // Revert takes the problem away with the entry.
    m_page->revert();
    QVERIFY(!error->isVisible());
    QVERIFY(!m_page->isModified());
    QCOMPARE(m_form->edited(), before);
}

void tst_SettingsForm::applyWritesOnlyThePagesKeys()
{
    QFETCH(PageRow, row);
    openPage(row);
    // Another process changes a key of another page, and the user applies before this store has
    // noticed (it looks about once a second): the form's copy of that key is stale.
    storeElsewhere(true, with(storedIn(*m_store), row.foreignKey, row.foreignStored));
    enter(input(row.editInput), row.editValue);
    const ServiceSettings before = storedIn(*m_store);
    QSignalSpy applied(m_form, &SettingsForm::applied);
    QVERIFY(m_page->apply());
    QTRY_COMPARE_WITH_TIMEOUT(applied.size(), 1, 5000);
    QCOMPARE(applied.first().first().toBool(), true);
    const ServiceSettings stored = storedIn(*m_store);
    QCOMPARE(stored.value(row.editKey), row.editStored);
    QCOMPARE(stored.value(row.foreignKey), row.foreignStored); // not written back with the old value
    QVERIFY(!m_page->isModified());
    // The status says what changed, as the log does: only the edited key.
    QCOMPARE(m_form->statusLabel()->text(), ServiceSettings::describeChanges(before, stored).join(u' '));
    QCOMPARE(ServiceSettings::describeChanges(before, stored).size(), 1);
}

QTEST_MAIN(tst_SettingsForm)
#include "tst_settingsform.moc"
