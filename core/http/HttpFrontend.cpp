#include "HttpFrontend.h"

#include "HttpListener.h"

namespace tw::http {

HttpFrontend::HttpFrontend(HttpConnection::Dispatch dispatch, QObject *parent)
    : QObject(parent), m_dispatch(std::move(dispatch))
{
}

bool HttpFrontend::bind(HttpListener *listener)
{
    if (!listener)
        return false;
    listener->setDispatch(m_dispatch);
    return true;
}

} // namespace tw::http
