<?php

// Reject deliveries signed more than 5 minutes from now (replayed or badly delayed).
const SWITCHBOARD_TOLERANCE_SECONDS = 5 * 60;

/**
 * Returns the event as an array, or throws when the delivery is not authentic.
 *
 * $secret:  the endpoint's signing secret, "whsec_..." (Integration Settings > Webhook Integration).
 * $headers: the request's headers with lower-case names,
 *           e.g. array_change_key_case(getallheaders(), CASE_LOWER).
 * $body:    the raw request body, exactly as received: file_get_contents('php://input').
 */
function verify_switchboard_webhook(string $secret, array $headers, string $body, ?int $now = null): array
{
    $id = $headers['webhook-id'] ?? '';
    $timestamp = $headers['webhook-timestamp'] ?? '';
    $signatures = $headers['webhook-signature'] ?? '';
    if ($id === '' || $timestamp === '' || $signatures === '') {
        throw new RuntimeException('Missing webhook-id, webhook-timestamp or webhook-signature header');
    }
    if (!ctype_digit($timestamp) || abs(($now ?? time()) - (int) $timestamp) > SWITCHBOARD_TOLERANCE_SECONDS) {
        throw new RuntimeException('Timestamp outside the tolerance');
    }
    $key = base64_decode(str_starts_with($secret, 'whsec_') ? substr($secret, 6) : $secret, true);
    if ($key === false) {
        throw new RuntimeException('The secret is not a whsec_ secret');
    }
    $expected = base64_encode(hash_hmac('sha256', "$id.$timestamp.$body", $key, true));
    // While a secret is being rolled, the header carries one signature per secret: "v1,<sig> v1,<sig>".
    foreach (explode(' ', $signatures) as $entry) {
        [$version, $signature] = array_pad(explode(',', $entry, 2), 2, '');
        if ($version === 'v1' && hash_equals($expected, $signature)) {
            return json_decode($body, true, 512, JSON_THROW_ON_ERROR);
        }
    }
    throw new RuntimeException('Invalid signature');
}

// Usage in a plain PHP endpoint:
//
//   $body = file_get_contents('php://input');
//   try {
//       $event = verify_switchboard_webhook(getenv('SWITCHBOARD_WEBHOOK_SECRET'), array_change_key_case(getallheaders(), CASE_LOWER), $body);
//   } catch (Throwable $e) {
//       http_response_code(400);
//       exit;
//   }
//   error_log($event['type'] . ' ' . $event['data']['id']);
//   http_response_code(204);
