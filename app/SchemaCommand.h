#pragma once

class QCoreApplication;

namespace tw::app {

// `tablewright schema --connection NAME [--config FILE] [--json | --ddl]
// [--schema S] [--object NAME]`: the catalog snapshot of one connection as
// text, JSON (the documented snapshot shape) or DDL.
// Exit 0 ok; 1 the connection failed or a named schema/object does not
// exist; 2 bad arguments or configuration.
int runSchema(QCoreApplication &app);

} // namespace tw::app
