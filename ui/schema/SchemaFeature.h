#pragma once

#include <QCoreApplication>

namespace tw::ui {

class Workbench;

// Installs the schema viewer: its page, "Refresh Schema" (F5) in the
// Connection menu, and opening a connection shows its tree.
class SchemaFeature
{
    Q_DECLARE_TR_FUNCTIONS(tw::ui::SchemaFeature)
public:
    static void install(Workbench &bench);
};

} // namespace tw::ui
