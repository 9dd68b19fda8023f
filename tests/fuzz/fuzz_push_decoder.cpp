// libFuzzer target: any bytes into the push-request decoder. It must never crash, hang or leak,
// and whatever it accepts must encode and decode to the same request.
#include "protocol.h"

#include <cstdint>
#include <cstdlib>

using namespace Kontor::Sync;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray body(reinterpret_cast<const char *>(data), qsizetype(size));
    const auto decoded = decodePushRequest(body);
    if (!decoded.ok()) {
        if (decoded.error().rule.isEmpty())
            std::abort(); // every refusal names its rule
        return 0;
    }
    const auto again = decodePushRequest(encode(decoded.value()));
    if (!again.ok() || again->deviceId != decoded->deviceId || again->ops != decoded->ops)
        std::abort();
    return 0;
}
