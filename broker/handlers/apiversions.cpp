// ApiVersions (key 18), versions 0-3. The dispatcher answers it from the handler table before a
// handler would run (also for versions it does not serve, in the v0 layout), so this entry only
// declares the range.
#include "handlers.h"

#include "messages/apiversions.h"

namespace kastle::broker {

namespace {
void answeredByDispatcher(RequestContext &) {}
} // namespace

ApiHandler apiVersionsApi()
{
    return serve<protocol::ApiVersionsRequest>(0, 3, &answeredByDispatcher, true);
}

} // namespace kastle::broker
