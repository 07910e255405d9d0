// SPDX-License-Identifier: GPL-2.0-or-later
#include "ctlcommands.h"

#include "core/plurals.h"

#include <QCoreApplication>

#include <cstdio>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("oobmctl"));
    QCoreApplication::setApplicationVersion(QStringLiteral(OOBM_VERSION_STRING));
    QCoreApplication::setOrganizationName(QStringLiteral("oobm"));
    Oobm::Core::installEnglishPlurals();

    QTextStream out(stdout);
    QTextStream err(stderr);
    return Oobm::Ctl::run(QCoreApplication::arguments(), out, err);
}
