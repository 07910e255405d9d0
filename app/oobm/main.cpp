// SPDX-License-Identifier: GPL-2.0-or-later
// oobm: the console. Wires the core services (store, user log, local settings) to the main window.
#include "core/keys/datakeyunlocker.h"
#include "core/log/userlog.h"
#include "core/settings/localsettings.h"
#include "core/store/sqlstore.h"
#include "core/store/storelocation.h"
#include "ui/shell/mainwindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

#include <cstdio>
#include <cstring>

namespace {

bool wantsHelpOrVersion(int argc, char *argv[])
{
    for (int i = 1; i < argc; ++i) {
        if (!std::strcmp(argv[i], "--help") || !std::strcmp(argv[i], "-h")
            || !std::strcmp(argv[i], "--version") || !std::strcmp(argv[i], "-v")
            || !std::strcmp(argv[i], "--help-all"))
            return true;
    }
    return false;
}

// Without a display QApplication would abort; say how to run the console instead.
bool hasDisplay(int argc, char *argv[])
{
    if (!qEnvironmentVariableIsEmpty("DISPLAY") || !qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY")
        || !qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        return true;
    for (int i = 1; i < argc; ++i) {
        if (!std::strcmp(argv[i], "-platform"))
            return true;
    }
    return false;
}

} // namespace

int main(int argc, char *argv[])
{
    if (!wantsHelpOrVersion(argc, argv) && !hasDisplay(argc, argv)) {
        std::fprintf(
                stderr,
                "oobm: no display to open the console on (DISPLAY and WAYLAND_DISPLAY are unset).\n"
                "Run it in a desktop session, or on a virtual X server:\n"
                "    xvfb-run -a oobm\n"
                "or without any display (nothing visible, e.g. for a smoke test):\n"
                "    QT_QPA_PLATFORM=offscreen oobm\n"
                "For scripting, use oobmctl.\n");
        return 1;
    }

    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("oobm"));
    QCoreApplication::setApplicationName(QStringLiteral("oobm"));
    QCoreApplication::setApplicationVersion(QStringLiteral(OOBM_VERSION_STRING));
    QGuiApplication::setApplicationDisplayName(QStringLiteral("OOBM"));
    QGuiApplication::setDesktopFileName(QStringLiteral("org.oobm.Console"));

    QTranslator qtTranslator;
    if (qtTranslator.load(QLocale(), QStringLiteral("qtbase"), QStringLiteral("_"),
                          QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(&qtTranslator);
    QTranslator translator;
    if (translator.load(QLocale(), QStringLiteral("oobm"), QStringLiteral("_"),
                        QStringLiteral(":/i18n")))
        QCoreApplication::installTranslator(&translator);

    QCommandLineParser parser;
    parser.setApplicationDescription(
            QStringLiteral("Out of Band Management console for Intel vPro / Intel AMT."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOption(
            { QStringLiteral("database"),
              QStringLiteral("The store: a SQLite file path or postgresql://user@host:port/dbname "
                             "(password from PGPASSWORD). Default: $OOBM_DATABASE, else "
                             "~/.local/share/oobm/oobm.db."),
              QStringLiteral("URL|PATH") });
    parser.addOption(
            { QStringLiteral("settings"),
              QStringLiteral("Keep window state in this file instead of ~/.config/oobm/oobm.conf."),
              QStringLiteral("FILE") });
    parser.addOption(
            { QStringLiteral("page"),
              QStringLiteral(
                      "Open on this page (a node id such as general, log, security-keys) instead "
                      "of the last one visited."),
              QStringLiteral("ID") });
    parser.process(app);

    QString error;
    const Oobm::Core::StoreLocation location = parser.isSet(QStringLiteral("database"))
            ? Oobm::Core::StoreLocation::parse(parser.value(QStringLiteral("database")), &error)
            : Oobm::Core::StoreLocation::fromEnvironmentOrDefault(&error);
    if (!location.isValid()) {
        std::fprintf(stderr, "oobm: %s\n", qPrintable(error));
        return 2;
    }

    Oobm::Core::SqlStore store(location);
    Oobm::Core::UserLog userLog(&store, QStringLiteral("console"));
    Oobm::Core::LocalSettings localSettings(parser.value(QStringLiteral("settings")));

    Oobm::Gui::MainWindow window({ &store, &userLog, &localSettings });
    if (parser.isSet(QStringLiteral("page"))
        && !window.selectPage(parser.value(QStringLiteral("page")))) {
        std::fprintf(stderr, "oobm: there is no page '%s'. The pages are: %s\n",
                     qPrintable(parser.value(QStringLiteral("page"))),
                     qPrintable(window.pageIds().join(QStringLiteral(", "))));
        return 2;
    }
    window.show();
    store.open();
    return app.exec();
}
