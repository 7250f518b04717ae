/** What a run shows: the request as sent, the output (with QR codes for otpauth URIs) or the error with its remedy. */
import QRCode from 'qrcode';
import { useEffect, useState } from 'react';
import { findOtpauthUris } from '../ui-model/json-path';
import { JsonView } from './json-view';
import type { ErrorData, Problem, ShownRequest } from './types';

export function RequestView({ request, sent, composed }: { request: ShownRequest | null; sent: number | null; composed: boolean }) {
  return (
    <section className="request" aria-label="Request">
      <h3>Request</h3>
      {request ? (
        <>
          <pre className="request-line">
            <span className="method">{request.method}</span> <span className="url">{request.url}</span>
          </pre>
          <table className="pairs">
            <tbody>
              {request.headers.map(([name, value], i) => (
                <tr key={`h${i}`} className="header">
                  <th>{name}</th>
                  <td>{value}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {request.form.length > 0 && (
            <>
              <h4>Form body</h4>
              <table className="pairs form-body">
                <tbody>
                  {request.form.map(([name, value], i) => (
                    <tr key={`f${i}`}>
                      <th>{name}</th>
                      <td>{value}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          )}
          {request.body !== null && <pre className="raw-body">{request.body}</pre>}
        </>
      ) : (
        <p className="hint">{composed ? 'This module runs other modules: each sends its own request.' : 'No request: the input was refused before anything was built.'}</p>
      )}
      {sent !== null && <p className="sent" data-sent={sent}>{sent === 0 ? 'Nothing was sent to the emulator.' : `${sent} request${sent === 1 ? '' : 's'} reached the emulator.`}</p>}
    </section>
  );
}

export function ProblemList({ problems }: { problems: Problem[] }) {
  return (
    <ul className="problems">
      {problems.map((p, i) => (
        <li key={i}>
          {p.file && <span className="file">{p.file} </span>}
          <code className="pointer">{p.pointer === '' ? '(whole input)' : p.pointer}</code> <span className="message">{p.message}</span>
          {p.hint && <span className="hint"> — {p.hint}</span>}
        </li>
      ))}
    </ul>
  );
}

export function ErrorView({ error }: { error: ErrorData }) {
  return (
    <section className="error" role="alert" aria-label="Error">
      <h3>
        Error <code className="error-code">{error.code}</code>
        {error.status !== null && <span className="status"> HTTP {error.status}</span>}
        {error.twilioCode !== null && <span className="twilio-code"> Twilio {error.twilioCode}</span>}
      </h3>
      <p className="error-message">{error.message}</p>
      {error.remedy && (
        <p className="remedy">
          <strong>What to do: </strong>
          {error.remedy}
        </p>
      )}
      {error.details?.problems && <ProblemList problems={error.details.problems} />}
      {error.moreInfo && /^https:\/\//.test(error.moreInfo) && (
        <p>
          <a href={error.moreInfo} target="_blank" rel="noreferrer noopener">
            {error.moreInfo}
          </a>
        </p>
      )}
    </section>
  );
}

export function OutputView({ output }: { output: unknown }) {
  const uris = findOtpauthUris(output);
  return (
    <section className="output" aria-label="Output">
      <h3>Output</h3>
      {uris.map((u) => (
        <QrCode key={u.path} path={u.path} uri={u.uri} />
      ))}
      <JsonView value={output} />
    </section>
  );
}

/** Any `otpauth://` URI in an output (a TOTP factor's binding) as the QR code an authenticator app scans. */
function QrCode({ path, uri }: { path: string; uri: string }) {
  const [src, setSrc] = useState<string | null>(null);
  useEffect(() => {
    QRCode.toDataURL(uri, { margin: 1, width: 220 }).then(setSrc, () => setSrc(null));
  }, [uri]);
  return (
    <figure className="qr" data-qr-path={path}>
      {src && <img src={src} alt={`QR code of ${path}`} width={220} height={220} />}
      <figcaption>
        Scan with an authenticator app (<code>{path}</code>)
      </figcaption>
    </figure>
  );
}
