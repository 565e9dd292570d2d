"""A token for a cast member and a client call that sends it."""

from ideverket.api.actions import do_create_api_token


def token_for(user, name="Test"):
    return do_create_api_token(user, name=name)[1]


def bearer(token):
    return {"HTTP_AUTHORIZATION": f"Bearer {token}"}


def api_get(client, path, token, **params):
    return client.get(f"/api{path}", params, **bearer(token))


def api_post(client, path, token, data):
    return client.post(f"/api{path}", data, content_type="application/json", **bearer(token))
