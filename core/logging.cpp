// SPDX-License-Identifier: GPL-2.0-or-later
#include "core/logging.h"

Q_LOGGING_CATEGORY(lcStore, "oobm.core.store", QtWarningMsg)
Q_LOGGING_CATEGORY(lcSettings, "oobm.core.settings", QtWarningMsg)
Q_LOGGING_CATEGORY(lcUserLog, "oobm.core.log", QtWarningMsg)
