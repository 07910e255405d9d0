// SPDX-License-Identifier: GPL-2.0-or-later
#include "store.h"

namespace Oobm::Core {

Store::~Store() = default;

} // namespace Oobm::Core
