// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

namespace Oobm::Core {

// Installs the English plural forms ("1 system", "2 systems") of every %n message, built from
// translations/oobm_en.ts into oobm_core, as a translator of the running application. Each
// program calls it once, after creating its application object and before any other
// translator of its own: a translator installed later is asked first and falls back to these
// for what it does not translate. Without it, text the engine stores ("1 chosen systems") and
// text the CLI prints would use the source's plural for every count. Returns false if the
// forms are missing from the build, which leaves the source text in place.
bool installEnglishPlurals();

} // namespace Oobm::Core
