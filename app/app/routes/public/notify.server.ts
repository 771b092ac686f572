import { describeErrorForLog, maskContact, redactForLog } from "@thads/domain";

/**
 * Notifications to requesters (e-mail, SMS) behind one interface. The development transport
 * writes to the server log; a real gateway plugs in through `setNotifier` at start-up.
 * Sending never blocks or fails a request: errors are logged.
 *
 * A log line never holds a tracking code together with the phone or e-mail it was sent to (the
 * code and the phone or ID number open the request): recipients are masked, codes and long
 * numbers in the text too.
 */
export interface Notification {
  channel: "email" | "sms";
  to: string;
  subject: string;
  body: string;
}

export interface Notifier {
  send(n: Notification): Promise<void>;
}

export const logNotifier: Notifier = {
  async send(n) {
    console.log(
      `[notify:${n.channel}] to=${maskContact(n.to)} subject=${JSON.stringify(redactForLog(n.subject))} body=${JSON.stringify(redactForLog(n.body))}`,
    );
  },
};

let current: Notifier = logNotifier;

export function setNotifier(n: Notifier): void {
  current = n;
}

export function notifyRequester(to: { email: string | null; phone: string | null }, subject: string, body: string): void {
  const jobs: Notification[] = [];
  if (to.email) jobs.push({ channel: "email", to: to.email, subject, body });
  if (to.phone) jobs.push({ channel: "sms", to: to.phone, subject, body });
  for (const job of jobs)
    current
      .send(job)
      .catch((e) => console.error(`notification failed (${job.channel} to ${maskContact(job.to)}): ${describeErrorForLog(e)}`));
}

/** An e-mail to an account (its notification digest), through the same transport. Resolves when sent or logged as failed. */
export async function emailAccount(to: string, subject: string, body: string): Promise<boolean> {
  try {
    await current.send({ channel: "email", to, subject, body });
    return true;
  } catch (e) {
    console.error(`notification failed (email to ${maskContact(to)}): ${describeErrorForLog(e)}`);
    return false;
  }
}
