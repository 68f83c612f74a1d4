#pragma once

#include <QCoreApplication>
#include <QUrl>

namespace tw::ui {

class Workbench;

// Installs the API panel: its page ("API Server", Ctrl+3 in the View menu)
// and a close guard that stops a listening server (2 s grace) before the
// window goes.
class ApiFeature
{
    Q_DECLARE_TR_FUNCTIONS(tw::ui::ApiFeature)
public:
    static constexpr int kCloseGraceMs = 2000;
    static void install(Workbench &bench);
    // The base URL of the panel's server while it listens; empty otherwise
    // (the browser's "Copy as REST URL" names it).
    static QUrl runningBaseUrl(const Workbench &bench);
};

} // namespace tw::ui
