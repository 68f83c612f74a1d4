#pragma once

namespace tw::app {

// Organisation, application name and version for QStandardPaths and --version.
void applyAppInfo();

} // namespace tw::app
