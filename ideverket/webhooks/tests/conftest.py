import pytest

from ideverket.webhooks.actions import do_create_endpoint

from .receiver import Receiver


@pytest.fixture
def receiver():
    server = Receiver().start()
    yield server
    server.stop()


@pytest.fixture
def endpoint_for(cast):
    """endpoint_for(receiver, department=None): an active endpoint pointing at the receiver."""

    def make(receiver, department=None, name="Diariet"):
        endpoint = do_create_endpoint(
            cast.admin,
            name=name,
            url=receiver.url,
            events=["idea.decided"],
            department=department,
        )
        receiver.secret = endpoint.secret
        return endpoint

    return make
