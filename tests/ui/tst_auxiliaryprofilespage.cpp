// SPDX-License-Identifier: GPL-2.0-or-later
// Auxiliary Profiles and TLS certificates in the console: the models under
// QAbstractItemModelTester, the auxiliary profile dialog's inline validation, and the provision
// profile dialog's certificate and auxiliary profile choices.
#include "common/labcertificate.h"

#include "core/keys/secretbox.h"
#include "core/store/sqlstore.h"
#include "ui/dialogs/auxiliaryprofiledialog.h"
#include "ui/dialogs/profiledialog.h"
#include "ui/models/auxiliaryprofilesmodel.h"
#include "ui/models/profilesmodel.h"
#include "ui/models/tlscertificatesmodel.h"

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QtTest>


using namespace Oobm::Core;
using namespace Oobm::Gui;

namespace {


// A self-signed RSA server certificate for amt.example.test.
TlsCertificate makeCertificate()
{
    Oobm::Test::LabCertificateSpec spec;
    spec.validTo = 86400;
    spec.extendedKeyUsage.clear();
    spec.selfSigned = true;
    const Oobm::Test::LabCertificate lab = Oobm::Test::issueLabCertificate(spec);
    QString error;
    return TlsCertificate::fromPem(lab.leafPem, lab.keyPem, &error);
}

void setUser(QTableWidget *users, const QString &name, const QString &password, const QString &realms)
{
    users->setRowCount(0);
    if (name.isNull())
        return;
    users->insertRow(0);
    users->setItem(0, 0, new QTableWidgetItem(name));
    users->setItem(0, 1, new QTableWidgetItem(password));
    users->setItem(0, 2, new QTableWidgetItem(realms));
}

} // namespace

class tst_AuxiliaryProfilesPage final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void auxiliaryDialogValidatesInline_data();
    void auxiliaryDialogValidatesInline();
    void modelsShowProfilesAndCertificates();
    void profileDialogOffersCertificateAndAuxiliary();

private:
    QTemporaryDir m_dir;
    std::unique_ptr<SqlStore> m_store;
    qint64 m_certificateId = 0;
};

void tst_AuxiliaryProfilesPage::initTestCase()
{
    m_store = std::make_unique<SqlStore>(StoreLocation::sqlite(m_dir.filePath("oobm.db")));
    QCOMPARE(m_store->openAndWait().message, QString());
    QCOMPARE(m_store->setDataKey(SecretBox::generateKey(), "test").result().message, QString());
    const auto imported = m_store->importTlsCertificate(makeCertificate()).result();
    QVERIFY2(imported.ok(), qPrintable(imported.error.message));
    m_certificateId = imported.value;
    AuxiliaryProfile existing;
    existing.name = "Helpdesk";
    existing.aclUsers = {{"helpdesk", "H3lp-desk!", {5}}};
    QVERIFY(m_store->saveAuxiliaryProfile(existing).result().ok());
}

void tst_AuxiliaryProfilesPage::auxiliaryDialogValidatesInline_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("user"); // null: no user row
    QTest::addColumn<QString>("password");
    QTest::addColumn<QString>("realms");
    QTest::addColumn<bool>("certificate");
    QTest::addColumn<QString>("problem"); // empty: saved
    QTest::newRow("no name") << ""
                             << "auditor"
                             << "Aud1tor!x"
                             << "GeneralInfo" << false << "Give the auxiliary profile a name.";
    QTest::newRow("nothing in it") << "Empty" << QString() << ""
                                   << "" << false << "neither users nor a TLS certificate";
    QTest::newRow("unknown realm") << "Lab"
                                   << "auditor"
                                   << "Aud1tor!x"
                                   << "GeneralInfo, Coffee" << false << "Unknown realm 'Coffee' in row 1";
    QTest::newRow("weak password") << "Lab"
                                   << "auditor"
                                   << "password"
                                   << "GeneralInfo" << false << "Password of the user auditor";
    QTest::newRow("admin's name") << "Lab"
                                  << "admin"
                                  << "Aud1tor!x"
                                  << "GeneralInfo" << false << "has the admin account's name";
    QTest::newRow("duplicate name") << "Helpdesk"
                                    << "auditor"
                                    << "Aud1tor!x"
                                    << "GeneralInfo" << false << "already an auxiliary profile named Helpdesk";
    QTest::newRow("certificate only") << "Certificate only" << QString() << ""
                                      << "" << true << "";
    QTest::newRow("users and certificate") << "Lab"
                                           << "auditor"
                                           << "Aud1tor!x"
                                           << "GeneralInfo, HardwareAsset" << true << "";
}

void tst_AuxiliaryProfilesPage::auxiliaryDialogValidatesInline()
{
    QFETCH(QString, name);
    QFETCH(QString, user);
    QFETCH(QString, password);
    QFETCH(QString, realms);
    QFETCH(bool, certificate);
    QFETCH(QString, problem);
    AuxiliaryProfileDialog d(m_store.get(), AuxiliaryProfile{});
    auto *combo = d.findChild<QComboBox *>("tlsCertificate");
    QTRY_COMPARE(combo->count(),
                 2); // (none) and the imported certificate, loaded off the GUI thread
    d.findChild<QLineEdit *>("name")->setText(name);
    setUser(d.findChild<QTableWidget *>("users"), user, password, realms);
    combo->setCurrentIndex(combo->findData(certificate ? m_certificateId : qint64(0)));
    QSignalSpy accepted(&d, &QDialog::accepted);
    d.accept();
    QLabel *label = d.findChild<QLabel *>("problem");
    if (!problem.isEmpty()) {
        QTRY_VERIFY2_WITH_TIMEOUT(label->text().contains(problem), qPrintable(label->text()), 5000);
        QCOMPARE(accepted.size(), 0);
        return;
    }
    QVERIFY2(accepted.wait(5000), qPrintable(label->text()));
    const AuxiliaryProfile saved = d.profile();
    QVERIFY(saved.id > 0);
    QCOMPARE(saved.tlsCertificateId, m_certificateId);
    QCOMPARE(m_store->deleteAuxiliaryProfile(saved.id).result().value, 1);
}

void tst_AuxiliaryProfilesPage::modelsShowProfilesAndCertificates()
{
    AuxiliaryProfilesModel profiles(m_store.get());
    QAbstractItemModelTester t1(&profiles, QAbstractItemModelTester::FailureReportingMode::QtTest);
    TlsCertificatesModel certificates(m_store.get());
    QAbstractItemModelTester t2(&certificates, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy profilesLoaded(&profiles, &AuxiliaryProfilesModel::loaded);
    QSignalSpy certificatesLoaded(&certificates, &TlsCertificatesModel::loaded);
    profiles.reload();
    certificates.reload();
    QVERIFY(profilesLoaded.wait(5000));
    QTRY_COMPARE(certificatesLoaded.size(), 1);
    QCOMPARE(profiles.rowCount(), 1);
    QCOMPARE(profiles.index(0, AuxiliaryProfilesModel::NameColumn).data().toString(), QStringLiteral("Helpdesk"));
    QCOMPARE(profiles.index(0, AuxiliaryProfilesModel::UsersColumn).data().toString(), QStringLiteral("helpdesk"));
    QVERIFY(profiles.index(0, AuxiliaryProfilesModel::UsersColumn)
                    .data(Qt::ToolTipRole)
                    .toString()
                    .contains("RemoteControl"));
    QCOMPARE(profiles.index(0, AuxiliaryProfilesModel::UsedByColumn).data().toString(), QStringLiteral("(no profile)"));
    QCOMPARE(certificates.rowCount(), 1);
    QCOMPARE(certificates.index(0, TlsCertificatesModel::CommonNameColumn).data().toString(),
             QStringLiteral("amt.example.test"));
    QCOMPARE(certificates.index(0, TlsCertificatesModel::FingerprintColumn).data().toString().size(), 64);

    // A provision profile that uses it shows up in "Used by" (the store says profiles changed).
    const qint64 helpdesk = profiles.profile(0).id;
    ProvisionProfile p;
    p.name = "Standard";
    p.isDefault = true;
    p.adminPassword = "Adm1n!Pass";
    p.auxiliaryProfileId = helpdesk;
    const auto saved = m_store->saveProfile(p).result();
    QVERIFY2(saved.ok(), qPrintable(saved.error.message));
    QTRY_COMPARE(profiles.index(0, AuxiliaryProfilesModel::UsedByColumn).data().toString(), QStringLiteral("Standard"));
    const auto refused = m_store->deleteAuxiliaryProfile(helpdesk).result();
    QVERIFY2(refused.error.message.contains("Standard"), qPrintable(refused.error.message));
    QVERIFY(m_store->deleteProfile(saved.value).result().ok());
}

void tst_AuxiliaryProfilesPage::profileDialogOffersCertificateAndAuxiliary()
{
    ProfileDialog d(m_store.get(), ProvisionProfile{});
    auto *certificates = d.findChild<QComboBox *>("tlsCertificate");
    auto *auxiliary = d.findChild<QComboBox *>("auxiliaryProfile");
    QTRY_COMPARE(certificates->count(), 2);
    QTRY_COMPARE(auxiliary->count(), 2);
    d.findChild<QLineEdit *>("name")->setText("Secure");
    d.findChild<QLineEdit *>("adminPassword")->setText("Adm1n!Pass");
    d.findChild<QLineEdit *>("confirmPassword")->setText("Adm1n!Pass");
    d.findChild<QCheckBox *>("tls")->setChecked(true);
    QLabel *label = d.findChild<QLabel *>("problem");
    QVERIFY2(label->text().contains("no server certificate"), qPrintable(label->text()));
    // The auxiliary profile Helpdesk has no certificate: the store refuses, by name.
    auxiliary->setCurrentIndex(1);
    QVERIFY(label->text().isEmpty());
    QSignalSpy accepted(&d, &QDialog::accepted);
    d.accept();
    QTRY_VERIFY2_WITH_TIMEOUT(label->text().contains("neither the profile nor its auxiliary profile Helpdesk"),
                              qPrintable(label->text()), 5000);
    certificates->setCurrentIndex(1);
    d.accept();
    QVERIFY2(accepted.wait(5000), qPrintable(label->text()));
    const auto listed = m_store->listProfiles().result().value;
    QCOMPARE(listed.size(), 1);
    QVERIFY(listed.first().tlsEnabled);
    QCOMPARE(listed.first().tlsCertificateName, QStringLiteral("amt.example.test"));
    QCOMPARE(listed.first().auxiliaryProfileName, QStringLiteral("Helpdesk"));
    ProfilesModel model(m_store.get());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy loaded(&model, &ProfilesModel::loaded);
    model.reload();
    QVERIFY(loaded.wait(5000));
    QCOMPARE(model.index(0, ProfilesModel::TlsColumn).data().toString(), QStringLiteral("amt.example.test"));
    QCOMPARE(model.index(0, ProfilesModel::AuxiliaryColumn).data().toString(), QStringLiteral("Helpdesk"));
    // Editing it shows the same choices.
    ProfileDialog edit(m_store.get(), listed.first());
    QCOMPARE(edit.findChild<QComboBox *>("tlsCertificate")->currentData().toLongLong(), m_certificateId);
    QCOMPARE(edit.findChild<QComboBox *>("auxiliaryProfile")->currentText(), QStringLiteral("Helpdesk"));
    QVERIFY(m_store->deleteProfile(listed.first().id).result().ok());
}

QTEST_MAIN(tst_AuxiliaryProfilesPage)
#include "tst_auxiliaryprofilespage.moc"
