// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QStringList>
#include <QTextStream>

namespace Oobm::Ctl {

// Exit codes of oobmctl.
enum ExitCode { Success = 0, RuntimeError = 1, UsageError = 2 };

// Parses arguments (argv without the program name handled by QCommandLineParser) and runs one
// command against the store. Output goes to out, errors to err.
int run(const QStringList &arguments, QTextStream &out, QTextStream &err);

} // namespace Oobm::Ctl
