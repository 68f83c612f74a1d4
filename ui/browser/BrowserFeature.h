#pragma once

#include <QCoreApplication>

namespace tw::ui {

class Workbench;

// Installs the table browser: its page, "Open Table…" and the schema tree's
// "Browse Rows" (through Workbench::browseRequested).
class BrowserFeature
{
    Q_DECLARE_TR_FUNCTIONS(tw::ui::BrowserFeature)
public:
    static void install(Workbench &bench);
};

} // namespace tw::ui
