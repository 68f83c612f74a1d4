#pragma once

#include "catalog/Snapshot.h"

#include <QIcon>

namespace tw::ui {

// One icon per object kind, drawn as SVG under resources/icons/schema/.
// Without Qt's SVG plugin (or the compiled-in resources, as in the tests)
// each falls back to a standard style icon, so nothing ends up blank.
class SchemaIcons
{
public:
    static QIcon forKind(catalog::ObjectKind kind);
    static QIcon key();
    static QIcon group();
};

} // namespace tw::ui
