/** What the person's phone (or inbox) would show: the emulator's outbox, newest first, each code highlighted. */
import type { OutboxMessage } from './types';

const CHANNELS: Record<string, string> = { sms: 'SMS', call: 'Voice call', email: 'Email', whatsapp: 'WhatsApp', sna: 'Silent network auth' };

function withCode(body: string, code: string | null) {
  if (!code || !body.includes(code)) return body;
  const at = body.indexOf(code);
  return (
    <>
      {body.slice(0, at)}
      <mark className="code" data-code={code}>
        {code}
      </mark>
      {body.slice(at + code.length)}
    </>
  );
}

export function PhonePanel({ messages, emulator }: { messages: OutboxMessage[]; emulator: boolean }) {
  return (
    <aside className="phone" aria-label="Phone">
      <h2>Phone</h2>
      {!emulator && <p className="hint">With a real account, codes go to real phones: nothing shows here.</p>}
      {emulator && messages.length === 0 && <p className="hint">Messages, calls, emails and WhatsApp messages the emulator "delivers" appear here.</p>}
      <ol className="messages">
        {[...messages].reverse().map((m, i) => (
          <li key={messages.length - i} className={`message channel-${m.channel.replace(/[^a-z]/g, '')}`} data-to={m.to} data-channel={m.channel}>
            <div className="message-head">
              <span className="channel">{CHANNELS[m.channel] ?? m.channel}</span> to <span className="to">{m.to}</span>
              <time dateTime={m.at}>{new Date(m.at).toLocaleTimeString()}</time>
            </div>
            <p className="body">{withCode(m.body, m.code)}</p>
          </li>
        ))}
      </ol>
    </aside>
  );
}
