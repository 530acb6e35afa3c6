/**
 * Notifications: push to the people concerned and printable notices. Subscriptions by field, region, catalogue item
 * or organisation, confirmed through their own channel ({@link gongkai.notify.Subscriptions}); messages composed once
 * from the events that say something happened and fanned out to a delivery queue in the database (or RabbitMQ), with
 * a priority lane for warnings; four channels (e-mail, SMS gateway, WeChat template messages, signed webhooks); the
 * delivery log ({@link gongkai.notify.DeliveryLog}). Also the printable notice (公示) for a village notice board and
 * the reply letter's layout.
 */
package gongkai.notify;
