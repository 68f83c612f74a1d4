#pragma once

#include <QCoreApplication>

namespace tw::ui {

class Workbench;

// Installs the migrations tab: its page, "Migrations" (Ctrl+4) in the View
// menu and "Migrations…" in the Connection menu for the current connection,
// and a close guard that asks before quitting during a run.
class MigrationsFeature
{
    Q_DECLARE_TR_FUNCTIONS(tw::ui::MigrationsFeature)
public:
    static void install(Workbench &bench);
};

} // namespace tw::ui
