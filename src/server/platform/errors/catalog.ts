/**
 * Every error code Daftar answers with: its HTTP status and its message in Persian and English.
 * One complete map, applied at the edge; services only ever name a code.
 */
export const ERROR_CATALOG = {
  validation_failed: { status: 400, fa: 'برخی از مقادیر واردشده نادرست است.', en: 'Some of the values are invalid.' },
  malformed_json: { status: 400, fa: 'بدنهٔ درخواست JSON معتبر نیست.', en: 'The request body is not valid JSON.' },
  bad_request: { status: 400, fa: 'درخواست نادرست است.', en: 'The request is invalid.' },
  unauthenticated: { status: 401, fa: 'ابتدا وارد سامانه شوید.', en: 'Please sign in first.' },
  invalid_credentials: { status: 401, fa: 'نام کاربری یا گذرواژه نادرست است.', en: 'The username or password is incorrect.' },
  invalid_code: { status: 401, fa: 'کد یکبارمصرف نادرست یا منقضی است.', en: 'The one-time code is wrong or has expired.' },
  csrf_failed: { status: 403, fa: 'درخواست از صفحهٔ معتبر سامانه ارسال نشده است. صفحه را دوباره بارگذاری کنید.', en: 'The request did not come from a valid page. Reload the page and try again.' },
  forbidden: { status: 403, fa: 'شما اجازهٔ انجام این کار را ندارید.', en: 'You are not allowed to do this.' },
  role_not_assignable: { status: 403, fa: 'شما نمی‌توانید این نقش را در این حوزه واگذار کنید.', en: 'You cannot grant this role in this scope.' },
  not_found: { status: 404, fa: 'موردی یافت نشد.', en: 'Not found.' },
  route_not_found: { status: 404, fa: 'چنین نشانی‌ای در سامانه وجود ندارد.', en: 'There is no such address.' },
  method_not_allowed: { status: 405, fa: 'این روش درخواست برای این نشانی پشتیبانی نمی‌شود.', en: 'This method is not allowed for this address.' },
  unknown_service: { status: 400, fa: 'چنین خدمتی در فهرست خدمات نیست.', en: 'There is no such service in the catalog.' },
  no_tariff_in_force: { status: 422, fa: 'برای این تاریخ تعرفهٔ مصوبی وجود ندارد.', en: 'No approved tariff schedule is in force on that date.' },
  username_taken: { status: 409, fa: 'این نام کاربری قبلاً ثبت شده است.', en: 'This username is already taken.' },
  conflict: { status: 409, fa: 'این درخواست با وضعیت فعلی سازگار نیست.', en: 'The request conflicts with the current state.' },
  payload_too_large: { status: 413, fa: 'حجم درخواست بیش از حد مجاز است.', en: 'The request is too large.' },
  unsupported_media_type: { status: 415, fa: 'نوع محتوای درخواست پشتیبانی نمی‌شود؛ از application/json استفاده کنید.', en: 'Unsupported content type; send application/json.' },
  account_locked: { status: 429, fa: 'به دلیل تلاش‌های ناموفق مکرر، ورود موقتاً مسدود شده است.', en: 'Too many failed attempts; sign-in is temporarily locked.' },
  otp_too_soon: { status: 429, fa: 'کد قبلی هنوز معتبر است؛ کمی بعد دوباره درخواست کنید.', en: 'A code was sent recently; please wait before asking again.' },
  rate_limited: { status: 429, fa: 'تعداد درخواست‌ها بیش از حد است؛ کمی بعد تلاش کنید.', en: 'Too many requests; please try again shortly.' },
  filing_not_awaiting_decision: { status: 409, fa: 'این درخواست در انتظار تصمیم دادگاه نیست (پیش‌تر پذیرفته یا برگشت داده شده است).', en: 'This filing is not awaiting the court\'s decision (it was already accepted or returned).' },
  no_notice_recipients: { status: 422, fa: 'هیچ‌یک از اصحاب این پرونده حساب الکترونیک قضایی ندارد؛ ابلاغ الکترونیک ممکن نیست.', en: 'No party of this case has a judicial e-account; the notice cannot be served electronically.' },
  holiday_exists: { status: 409, fa: 'این روز پیش‌تر در تقویم تعطیلات ثبت شده است.', en: 'This day is already in the holiday calendar.' },
  internal: { status: 500, fa: 'خطای داخلی رخ داد. موضوع ثبت شد.', en: 'An internal error occurred. It has been logged.' },
  database_unavailable: { status: 503, fa: 'پایگاه داده در دسترس نیست.', en: 'The database is unavailable.' },
} as const satisfies Record<string, { status: number; fa: string; en: string }>;

export type ErrorCode = keyof typeof ERROR_CATALOG;

/** Messages for field-level validation problems, by the kind of problem. */
export const FIELD_MESSAGES = {
  required: { fa: 'این فیلد الزامی است.', en: 'This field is required.' },
  invalid_type: { fa: 'نوع مقدار نادرست است.', en: 'The value has the wrong type.' },
  too_short: { fa: 'مقدار کوتاه‌تر از حد مجاز است.', en: 'The value is too short.' },
  too_long: { fa: 'مقدار بلندتر از حد مجاز است.', en: 'The value is too long.' },
  too_small: { fa: 'مقدار کمتر از حد مجاز است.', en: 'The value is too small.' },
  too_big: { fa: 'مقدار بیشتر از حد مجاز است.', en: 'The value is too large.' },
  invalid_value: { fa: 'مقدار انتخاب‌شده مجاز نیست.', en: 'The chosen value is not allowed.' },
  invalid_format: { fa: 'قالب مقدار نادرست است.', en: 'The value has the wrong format.' },
  unknown_field: { fa: 'این فیلد شناخته‌شده نیست.', en: 'This field is not recognised.' },
  invalid: { fa: 'مقدار نامعتبر است.', en: 'The value is invalid.' },
  invalid_national_id: { fa: 'کد ملی نامعتبر است.', en: 'The national ID is invalid.' },
  invalid_mobile: { fa: 'شمارهٔ تلفن همراه نامعتبر است.', en: 'The mobile number is invalid.' },
  invalid_sheba: { fa: 'شمارهٔ شبا نامعتبر است.', en: 'The Sheba (IBAN) number is invalid.' },
  invalid_quantity: { fa: 'تعداد باید عددی صحیح و در محدودهٔ مجاز باشد.', en: 'The count must be a whole number within the allowed range.' },
  unknown_service: { fa: 'چنین خدمتی در فهرست خدمات نیست.', en: 'There is no such service in the catalog.' },
  invalid_jalali_date: { fa: 'تاریخ شمسی نامعتبر است (نمونه: ۱۴۰۳/۰۵/۰۱).', en: 'The Jalali date is invalid (e.g. 1403/05/01).' },
  weak_password: { fa: 'گذرواژه باید دست‌کم ۱۰ نویسه و شامل حرف و رقم باشد.', en: 'The password must be at least 10 characters with letters and digits.' },
  invalid_username: { fa: 'نام کاربری فقط شامل حروف لاتین کوچک، رقم، نقطه و خط تیره است.', en: 'Usernames use lower-case Latin letters, digits, dots and dashes only.' },
  invalid_branch: { fa: 'شعبه باید یکی از شعب همین دادگاه باشد.', en: 'The branch must be one of this court\'s branches.' },
  hearing_required: { fa: 'برای احضاریه، تاریخ و ساعت جلسهٔ رسیدگی الزامی است.', en: 'A summons needs the hearing date and time.' },
  hearing_in_past: { fa: 'زمان جلسهٔ رسیدگی باید در آینده باشد.', en: 'The hearing must be in the future.' },
  invalid_time: { fa: 'ساعت نامعتبر است (نمونه: ۰۹:۳۰).', en: 'The time is invalid (e.g. 09:30).' },
  scope_required: { fa: 'حوزهٔ این نقش (دفتر، استان یا دادگاه) را مشخص کنید.', en: 'Choose the scope of this role (office, province or court).' },
} as const satisfies Record<string, { fa: string; en: string }>;

export type FieldMessageCode = keyof typeof FIELD_MESSAGES;
