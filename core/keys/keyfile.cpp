// SPDX-License-Identifier: GPL-2.0-or-later
#include "keyfile.h"

#include "core/keys/pidpps.h"
#include "core/keys/setupbin.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryFile>

namespace Oobm::Core::KeyFile {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Oobm::Core::KeyFile", text);
}

// A PID and PPS as typed or stored in any of the accepted forms; false with the problem.
bool normalize(KeyFileEntry *entry, const QString &pid, const QString &pps, QString *problem)
{
    entry->pid = PidPps::normalizePid(pid, problem);
    if (!entry->pid.isEmpty())
        entry->pps = PidPps::normalizePps(pps, problem);
    return !entry->pid.isEmpty() && !entry->pps.isEmpty();
}

void readSetupBin(const SetupBin &bin, KeyFileContents *contents)
{
    for (const SetupBinRecord &rec : bin.records) {
        KeyFileEntry entry;
        entry.where = tr("record %1").arg(rec.recordNumber);
        entry.mePassword = rec.currentMePassword;
        entry.newMePassword = rec.newMePassword;
        entry.consumed = rec.consumed;
        QString problem;
        if (normalize(&entry, QString::fromLatin1(rec.pid), QString::fromLatin1(rec.pps), &problem))
            contents->entries << entry;
        else
            contents->problems << entry.where + QStringLiteral(": ") + problem;
    }
}

void readCsv(const QByteArray &bytes, KeyFileContents *contents)
{
    int line = 0;
    // A byte order mark (spreadsheets save UTF-8 with one) is dropped by QString::fromUtf8.
    for (const QByteArray &raw : bytes.split('\n')) {
        ++line;
        const QString text = QString::fromUtf8(raw).trimmed();
        if (text.isEmpty() || text.startsWith(u'#'))
            continue;
        const QStringList fields = text.split(u',');
        // A header ("PID,PPS", "PID Number,PPS", "PIDs,…") names its first column PID; a key whose
        // PID begins with those letters is a key all the same.
        if (const QString first = fields.first().trimmed();
            first.startsWith(QStringLiteral("PID"), Qt::CaseInsensitive)) {
            QString notAPid;
            if (PidPps::normalizePid(first, &notAPid).isEmpty())
                continue;
        }
        KeyFileEntry entry;
        entry.where = tr("line %1").arg(line);
        if (fields.size() < 2) {
            contents->problems << entry.where + QStringLiteral(": ")
                            + tr("expected PID,PPS[,ME password,new ME password]");
            continue;
        }
        QString problem;
        if (!normalize(&entry, fields.at(0), fields.at(1), &problem)) {
            contents->problems << entry.where + QStringLiteral(": ") + problem;
            continue;
        }
        entry.mePassword = fields.value(2).trimmed();
        entry.newMePassword = fields.value(3).trimmed();
        contents->entries << entry;
    }
}

} // namespace

bool read(const QByteArray &bytes, KeyFileContents *contents, QString *error)
{
    *contents = {};
    QString why;
    const auto bin = SetupBin::decode(bytes, &why);
    const bool looksLikeSetupBin = bytes.size() >= SetupBin::ChunkSize && bytes.left(16).count('\0') < 16 && bin;
    if (looksLikeSetupBin) {
        readSetupBin(*bin, contents);
    } else if (bytes.size() >= 16 && bytes.contains('\0')) {
        *error = why;
        return false;
    } else {
        readCsv(bytes, contents);
    }
    if (contents->entries.isEmpty() && contents->problems.isEmpty())
        contents->problems << tr("the file holds no keys");
    return true;
}

QByteArray csv(const QList<KeyFileEntry> &entries, bool withPasswords)
{
    QByteArray out = withPasswords ? QByteArray("PID,PPS,ME password,New ME password\n") : QByteArray("PID,PPS\n");
    for (const KeyFileEntry &e : entries) {
        out += PidPps::formatPid(e.pid).toLatin1() + ',' + PidPps::formatPps(e.pps).toLatin1();
        if (withPasswords)
            out += ',' + e.mePassword.toUtf8() + ',' + e.newMePassword.toUtf8();
        out += '\n';
    }
    return out;
}

QByteArray setupBin(int major, const QList<KeyFileEntry> &entries, const QHostAddress &server, quint16 port,
                    QString *error, QStringList *warnings)
{
    SetupBin bin;
    bin.major = major;
    for (const KeyFileEntry &e : entries) {
        SetupBinRecord rec;
        rec.currentMePassword = e.mePassword.isEmpty() ? QStringLiteral("admin") : e.mePassword;
        rec.newMePassword = e.newMePassword;
        rec.pid = e.pid;
        rec.pps = e.pps;
        rec.provisioningServer = server;
        rec.provisioningPort = server.isNull() ? quint16(0) : port;
        bin.records.append(rec);
    }
    QString why;
    const QByteArray bytes = bin.encode(&why);
    if (bytes.isEmpty()) {
        *error = tr("Cannot build the setup.bin: %1").arg(why);
        return {};
    }
    if (entries.size() > LargeSetupBin)
        *warnings << tr("The setup.bin holds %1 records. A client reads every record at boot; more than 1,000 "
                        "delays its start by 15 seconds or more. Consider several smaller files.")
                             .arg(entries.size());
    return bytes;
}

bool writeAtomically(const QString &path, const QByteArray &bytes, QString *error)
{
    const QFileInfo info(path);
    if (!QFileInfo(info.absolutePath()).isDir()) {
        *error = tr("The folder %1 does not exist. Choose an existing folder.").arg(info.absolutePath());
        return false;
    }
    QTemporaryFile tmp(info.absoluteFilePath() + QStringLiteral(".XXXXXX.tmp"));
    tmp.setAutoRemove(true);
    if (!tmp.open()) {
        *error = tr("Cannot write in %1: %2").arg(info.absolutePath(), tmp.errorString());
        return false;
    }
    tmp.setPermissions(QFile::ReadOwner | QFile::WriteOwner); // secrets: mode 0600
    if (tmp.write(bytes) != bytes.size() || !tmp.flush()) {
        *error = tr("Cannot write %1: %2").arg(path, tmp.errorString());
        return false;
    }
    QFile::remove(path);
    if (!tmp.rename(path)) {
        *error = tr("Cannot create %1: %2").arg(path, tmp.errorString());
        return false;
    }
    tmp.setAutoRemove(false);
    return true;
}

} // namespace Oobm::Core::KeyFile
