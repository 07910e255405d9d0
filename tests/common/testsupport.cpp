// SPDX-License-Identifier: GPL-2.0-or-later
#include "testsupport.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

#include <unistd.h>

namespace Oobm::Test {

Core::StoreLocation postgresqlServer()
{
    const QString dsn = qEnvironmentVariable("OOBM_TEST_PGSQL_DSN");
    if (dsn.isEmpty())
        return {};
    QString error;
    Core::StoreLocation l = Core::StoreLocation::parse(dsn, &error);
    if (!l.isValid())
        qWarning("OOBM_TEST_PGSQL_DSN: %s", qPrintable(error));
    return l;
}

namespace {
bool execOn(const Core::StoreLocation &l, const QString &sql, QString *error)
{
    const QString name = QStringLiteral("oobm-test-admin-%1").arg(QRandomGenerator::global()->generate());
    bool ok = false;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
        db.setHostName(l.host());
        db.setPort(l.port());
        db.setUserName(l.user());
        db.setDatabaseName(l.database());
        if (!l.password().isEmpty())
            db.setPassword(l.password());
        if (!db.open()) {
            *error = db.lastError().text();
        } else {
            QSqlQuery q(db);
            ok = q.exec(sql);
            if (!ok)
                *error = q.lastError().text();
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return ok;
}
} // namespace

PostgresqlTestDatabase::PostgresqlTestDatabase()
{
    const Core::StoreLocation server = postgresqlServer();
    if (!server.isValid()) {
        m_error = QStringLiteral("OOBM_TEST_PGSQL_DSN is not set");
        return;
    }
    m_name = QStringLiteral("oobm_test_%1_%2")
                     .arg(QCoreApplication::applicationPid())
                     .arg(QRandomGenerator::global()->bounded(1u << 30));
    if (!execOn(server, QStringLiteral("CREATE DATABASE %1").arg(m_name), &m_error))
        return;
    m_location = Core::StoreLocation::postgresql(server.host(), server.port(), server.user(), m_name);
}

PostgresqlTestDatabase::~PostgresqlTestDatabase()
{
    if (!m_location.isValid())
        return;
    QString error;
    if (!execOn(postgresqlServer(), QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(m_name), &error))
        qWarning("could not drop test database %s: %s", qPrintable(m_name), qPrintable(error));
}

bool PostgresqlTestDatabase::exec(const QString &sql)
{
    return execOn(m_location, sql, &m_error);
}

BackendFixture::BackendFixture(const QString &backend)
{
    if (backend == u"postgresql") {
        m_pg = std::make_unique<PostgresqlTestDatabase>();
        if (m_pg->isValid())
            m_location = m_pg->location();
        else
            qWarning("no PostgreSQL test database: %s", qPrintable(m_pg->error()));
    } else {
        m_location = Core::StoreLocation::sqlite(m_dir.filePath(QStringLiteral("oobm.db")));
    }
}

BackendFixture::~BackendFixture() = default;

bool BackendFixture::exec(const QString &sql)
{
    if (m_pg)
        return m_pg->exec(sql);
    const QString name = QStringLiteral("oobm-test-fixture-%1").arg(QRandomGenerator::global()->generate());
    bool ok = false;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(m_location.path());
        if (db.open()) {
            QSqlQuery q(db);
            ok = q.exec(sql);
            if (!ok)
                qWarning("%s: %s", qPrintable(sql), qPrintable(q.lastError().text()));
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return ok;
}

void addBackendRows()
{
    QTest::addColumn<QString>("backend");
    QTest::newRow("sqlite") << QStringLiteral("sqlite");
    QTest::newRow("postgresql") << QStringLiteral("postgresql");
}

QString unprivilegedBinary(const QString &path)
{
    const QString copied = qEnvironmentVariable("OOBM_TEST_UNPRIVILEGED_DIR");
    if (copied.isEmpty())
        return path;
    return copied + u'/' + QFileInfo(path).fileName();
}

bool shouldRunHere(const char *testFunction, QString *failure, const QStringList &helpers)
{
    if (geteuid() != 0 || qEnvironmentVariableIsSet("OOBM_TEST_UNPRIVILEGED_CHILD"))
        return true;
    // The build folder may sit where 'nobody' cannot enter (a clone under /root): run copies of
    // the test and its helpers from a folder anyone may read.
    QTemporaryDir binaries(QStringLiteral("/tmp/oobm-unprivileged-XXXXXX"));
    QFile::setPermissions(binaries.path(),
                          QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ReadGroup | QFile::ExeGroup
                                  | QFile::ReadOther | QFile::ExeOther);
    const QString self = binaries.filePath(QFileInfo(QCoreApplication::applicationFilePath()).fileName());
    for (const QString &source : QStringList{QCoreApplication::applicationFilePath()} + helpers) {
        const QString target = binaries.filePath(QFileInfo(source).fileName());
        if (!QFile::copy(source, target)) {
            *failure = QStringLiteral("cannot copy %1 for the unprivileged run").arg(source);
            return false;
        }
        QFile::setPermissions(target,
                              QFile::ReadOwner | QFile::ExeOwner | QFile::ReadOther | QFile::ExeOther | QFile::ReadGroup
                                      | QFile::ExeGroup);
    }
    QProcess child;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("OOBM_TEST_UNPRIVILEGED_CHILD"), QStringLiteral("1"));
    env.insert(QStringLiteral("OOBM_TEST_UNPRIVILEGED_DIR"), binaries.path());
    env.insert(QStringLiteral("HOME"), QStringLiteral("/tmp"));
    env.insert(QStringLiteral("TMPDIR"), QStringLiteral("/tmp"));
    env.insert(QStringLiteral("XDG_RUNTIME_DIR"), QStringLiteral("/tmp"));
    child.setProcessEnvironment(env);
    child.setWorkingDirectory(QStringLiteral("/tmp"));
    child.setProcessChannelMode(QProcess::MergedChannels);
    // setpriv (util-linux) drops to nobody for this one test function.
    child.start(QStringLiteral("setpriv"),
                {QStringLiteral("--reuid=nobody"), QStringLiteral("--regid=nogroup"), QStringLiteral("--clear-groups"),
                 QStringLiteral("--"), self, QString::fromLatin1(testFunction)});
    if (!child.waitForFinished(120000)) {
        *failure = QStringLiteral("the unprivileged child did not finish: %1").arg(child.errorString());
        return false;
    }
    const QString output = QString::fromLocal8Bit(child.readAll());
    if (child.exitStatus() != QProcess::NormalExit || child.exitCode() != 0)
        *failure = QStringLiteral("as nobody, %1 failed:\n%2").arg(QString::fromLatin1(testFunction), output);
    else if (!output.contains(QStringLiteral("PASS   : ")))
        *failure = QStringLiteral("as nobody, %1 ran no test:\n%2").arg(QString::fromLatin1(testFunction), output);
    return false;
}

bool shouldRunInSmallFilesystem(const char *testFunction, qint64 bytes, QString *dir, QString *failure, QString *skip)
{
    static const char *const dirVariable = "OOBM_TEST_SMALL_FILESYSTEM";
    if (qEnvironmentVariableIsSet(dirVariable)) {
        *dir = qEnvironmentVariable(dirVariable);
        return true;
    }
    QTemporaryDir mountPoint;
    if (!mountPoint.isValid()) {
        *failure = QStringLiteral("cannot create a folder for the tmpfs: %1").arg(mountPoint.errorString());
        return false;
    }
    // Root may mount in a new mount namespace; anyone else maps themselves to root in a new user
    // namespace first. Either way the tmpfs is seen by the child only, and goes with it.
    QStringList args;
    if (geteuid() != 0)
        args << QStringLiteral("--user") << QStringLiteral("--map-root-user");
    args << QStringLiteral("--mount") << QStringLiteral("--propagation") << QStringLiteral("private")
         << QStringLiteral("--") << QStringLiteral("/bin/sh") << QStringLiteral("-c")
         << QStringLiteral("mount -t tmpfs -o size=\"$1\" oobm-test \"$2\" || exit 97; "
                           "echo 'small filesystem ready'; shift 2; exec \"$@\"")
         << QStringLiteral("sh") << QString::number(bytes) << mountPoint.path()
         << QCoreApplication::applicationFilePath() << QString::fromLatin1(testFunction);
    QProcess child;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QString::fromLatin1(dirVariable), mountPoint.path());
    child.setProcessEnvironment(env);
    child.setProcessChannelMode(QProcess::MergedChannels);
    child.start(QStringLiteral("unshare"), args);
    if (!child.waitForStarted()) {
        *skip = QStringLiteral("cannot run unshare (util-linux) for a private tmpfs: %1").arg(child.errorString());
        return false;
    }
    if (!child.waitForFinished(120000)) {
        *failure = QStringLiteral("the child with the small filesystem did not finish");
        return false;
    }
    const QString output = QString::fromLocal8Bit(child.readAll());
    if (!output.contains(QStringLiteral("small filesystem ready"))) {
        *skip = QStringLiteral("no private tmpfs can be mounted here (user or mount namespaces "
                               "not allowed): %1")
                        .arg(output.trimmed());
        return false;
    }
    if (child.exitStatus() != QProcess::NormalExit || child.exitCode() != 0)
        *failure = QStringLiteral("on a %1-byte tmpfs, %2 failed:\n%3")
                           .arg(bytes)
                           .arg(QString::fromLatin1(testFunction), output);
    else if (!output.contains(QStringLiteral("PASS   : ")))
        *failure = QStringLiteral("on a %1-byte tmpfs, %2 ran no test:\n%3")
                           .arg(bytes)
                           .arg(QString::fromLatin1(testFunction), output);
    return false;
}

} // namespace Oobm::Test
