import base64
import hashlib
import hmac
import json
import re
import time

# Reject deliveries signed more than 5 minutes from now (replayed or badly delayed).
TOLERANCE_SECONDS = 5 * 60


def verify_switchboard_webhook(secret, headers, body, now=None):
    """Return the event, or raise ValueError when the delivery is not authentic.

    secret:  the endpoint's signing secret, "whsec_..." (Integration Settings > Webhook Integration).
    headers: the request's headers; a mapping that finds "webhook-id" etc. (Flask's and
             Django's request.headers do, whatever the case).
    body:    the raw request body as bytes, exactly as received (Flask: request.get_data(),
             Django: request.body), not re-serialized JSON.
    """
    msg_id = headers.get("webhook-id")
    timestamp = headers.get("webhook-timestamp")
    signatures = headers.get("webhook-signature")
    if not (msg_id and timestamp and signatures):
        raise ValueError("Missing webhook-id, webhook-timestamp or webhook-signature header")
    current = time.time() if now is None else now
    if not re.fullmatch(r"[0-9]+", timestamp) or abs(current - int(timestamp)) > TOLERANCE_SECONDS:
        raise ValueError("Timestamp outside the tolerance")
    key = base64.b64decode(secret[len("whsec_"):] if secret.startswith("whsec_") else secret)
    signed = f"{msg_id}.{timestamp}.".encode() + body
    expected = base64.b64encode(hmac.new(key, signed, hashlib.sha256).digest())
    # While a secret is being rolled, the header carries one signature per secret: "v1,<sig> v1,<sig>".
    for entry in signatures.split(" "):
        version, _, signature = entry.partition(",")
        if version == "v1" and hmac.compare_digest(signature.encode(), expected):
            return json.loads(body)
    raise ValueError("Invalid signature")


# Usage with Flask:
#
#   @app.post("/switchboard")
#   def switchboard_webhook():
#       try:
#           event = verify_switchboard_webhook(os.environ["SWITCHBOARD_WEBHOOK_SECRET"], request.headers, request.get_data())
#       except ValueError:
#           return "", 400
#       print(event["type"], event["data"]["id"])
#       return "", 204
