// SPDX-License-Identifier: GPL-2.0-or-later
#include "storelistmodelbase.h"

namespace Oobm::Gui {

StoreListModelBase::~StoreListModelBase() = default;

void StoreListModelBase::finishLoad(const QString &error)
{
    m_error = error;
    Q_EMIT loaded(error);
}

} // namespace Oobm::Gui
