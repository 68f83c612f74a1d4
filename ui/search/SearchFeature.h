#pragma once

#include <QCoreApplication>

namespace tw::ui {

class Workbench;

// Installs "Search Database…" (View menu, Ctrl+Shift+F): one dialog for the
// window, searching the current connection; a double-clicked result opens
// its table in the browser (Workbench::browseRequested).
class SearchFeature
{
    Q_DECLARE_TR_FUNCTIONS(tw::ui::SearchFeature)
public:
    static void install(Workbench &bench);
};

} // namespace tw::ui
