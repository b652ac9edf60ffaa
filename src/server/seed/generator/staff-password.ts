/**
 * One argon2id hash of the demo password (`Daftar-1403`), computed once with the same settings as
 * `hashPassword` and shared by every generated staff account: hashing 15,000 passwords would take
 * minutes, and a fixed hash keeps the dataset identical for the same seed. A unit test checks it
 * still verifies against DEMO_PASSWORD.
 */
export const GENERATED_STAFF_PASSWORD_HASH =
  '$argon2id$v=19$m=19456,t=2,p=1$+TdhFhFXcvDlOeN3SsqieA$e9TONU0IJYGeHkNj4v0oX0FpLL0djPqGrzPzM1quM10';
