// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

namespace Oobm::Core {
class DataKeyUnlocker;
class LocalSettings;
class Store;
class UserLog;
} // namespace Oobm::Core

namespace Oobm::Gui {

// The core services a page may use, handed to it at construction (never reached through
// singletons), so pages are constructible in tests on a temporary store.
struct PageContext
{
    Core::Store *store = nullptr;
    Core::UserLog *log = nullptr;
    Core::LocalSettings *settings = nullptr;
    Core::DataKeyUnlocker *keys = nullptr; // gives the store its data key; may be null in tests
};

} // namespace Oobm::Gui
