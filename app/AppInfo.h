#pragma once

namespace tw::app {

// Application name and version (QStandardPaths, --version) and default log rules.
void applyAppInfo();

} // namespace tw::app
