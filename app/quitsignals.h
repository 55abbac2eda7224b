// Turns SIGTERM, SIGINT and SIGHUP into a normal quit of the Qt event loop, so that a session
// logout or Ctrl+C still runs destructors: the sandbox broker is stopped cleanly and the
// database is closed.
#pragma once

namespace kastle::core {

// Call once after the QCoreApplication exists.
void quitOnTerminationSignals();

} // namespace kastle::core
