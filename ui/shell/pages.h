// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "ui/shell/pagecontext.h"

#include <QList>
#include <QString>

class QObject;

namespace Oobm::Gui {

class Page;

struct NavigationEntry
{
    Page *page = nullptr;
    QString parentId; // empty for a top-level node
};

// Every page of the console, in navigation-tree order (figure 11 of the reference). The one
// place where pages are registered; owned by parent.
QList<NavigationEntry> createPages(const PageContext &context, QObject *parent);

} // namespace Oobm::Gui
