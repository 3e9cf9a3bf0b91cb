// The workbench's line icons (resources/icons: one stroke colour, no fill) in the look in effect:
// drawn in the light look's secondary-text grey, and in the dark look in that grey's dark
// counterpart, so that a tool bar or a button on a dark surface still shows them. The colour is
// read each time the icon is drawn, so an icon made once follows a later change of look.
#pragma once

#include <QIcon>
#include <QString>

namespace unveil::ui {

/// A line icon of the resources (":/icons/open.svg") that follows the look.
QIcon lineIcon(const QString& resource);

}  // namespace unveil::ui
