/**
 * Every error code Daftar answers with: its HTTP status and its message in Persian and English.
 * One complete map, applied at the edge; services only ever name a code.
 */
export const ERROR_CATALOG = {
  validation_failed: { status: 400, fa: 'برخی از مقادیر واردشده نادرست است.', en: 'Some of the values are invalid.' },
  malformed_json: { status: 400, fa: 'بدنهٔ درخواست JSON معتبر نیست.', en: 'The request body is not valid JSON.' },
  bad_request: { status: 400, fa: 'درخواست نادرست است.', en: 'The request is invalid.' },
  unauthenticated: { status: 401, fa: 'ابتدا وارد سامانه شوید.', en: 'Please sign in first.' },
  invalid_credentials: {
    status: 401,
    fa: 'نام کاربری یا گذرواژه نادرست است.',
    en: 'The username or password is incorrect.',
  },
  invalid_code: {
    status: 401,
    fa: 'کد یکبارمصرف نادرست یا منقضی است.',
    en: 'The one-time code is wrong or has expired.',
  },
  csrf_failed: {
    status: 403,
    fa: 'درخواست از صفحهٔ معتبر سامانه ارسال نشده است. صفحه را دوباره بارگذاری کنید.',
    en: 'The request did not come from a valid page. Reload the page and try again.',
  },
  forbidden: { status: 403, fa: 'شما اجازهٔ انجام این کار را ندارید.', en: 'You are not allowed to do this.' },
  role_not_assignable: {
    status: 403,
    fa: 'شما نمی‌توانید این نقش را در این حوزه واگذار کنید.',
    en: 'You cannot grant this role in this scope.',
  },
  not_found: { status: 404, fa: 'موردی یافت نشد.', en: 'Not found.' },
  board_report_not_found: {
    status: 404,
    fa: 'گزارش هیئت‌مدیره برای این ماه ساخته نشده است.',
    en: "No board's report has been made for this month.",
  },
  board_annual_report_not_found: {
    status: 404,
    fa: 'گزارش سالانهٔ هیئت‌مدیره برای این سال ساخته نشده است.',
    en: "No board's annual report has been made for this year.",
  },
  survey_link_expired: {
    status: 410,
    fa: 'مهلت پاسخ به این نظرسنجی (هفت روز پس از خدمت) گذشته است.',
    en: 'This survey could be answered for seven days after the service; that time has passed.',
  },
  survey_link_used: {
    status: 409,
    fa: 'به این نظرسنجی پیش‌تر پاسخ داده شده است؛ برای هر خدمت یک پاسخ پذیرفته می‌شود.',
    en: 'This survey has already been answered; one answer is taken for each service.',
  },
  quality_weights_sum: {
    status: 422,
    fa: 'وزن‌های امتیاز کیفیت باید عددهای صحیح نامنفی باشند و جمع آن‌ها دقیقاً ۱۰۰ شود.',
    en: "The quality score's weights must be whole, non-negative numbers summing to exactly 100.",
  },
  quality_weights_retroactive: {
    status: 422,
    fa: 'وزن‌های تازه از گذشته اجرا نمی‌شوند؛ ماه اجرا باید ماه آینده یا پس از آن باشد.',
    en: 'New weights never apply to the past; they must take effect from next month or later.',
  },
  complaint_not_answerable: {
    status: 409,
    fa: 'این شکایت پیش‌تر پاسخ داده شده یا دربارهٔ آن تصمیم گرفته شده است.',
    en: 'This complaint has already been answered or decided.',
  },
  complaint_not_decidable: {
    status: 409,
    fa: 'دربارهٔ این شکایت هنوز نمی‌توان تصمیم گرفت: مدیر دفتر پاسخ نداده و مهلت پاسخ او نگذشته است، یا پیش‌تر تصمیم گرفته شده است.',
    en: 'This complaint cannot be decided now: the office manager has not answered and their time to answer has not run out, or it has already been decided.',
  },
  inspection_already_answered: {
    status: 409,
    fa: 'به این بازرسی پیش‌تر پاسخ داده شده است.',
    en: 'This inspection has already been answered.',
  },
  audit_anchor_unavailable: {
    status: 503,
    fa: 'امضای نقطهٔ وارسی زنجیرهٔ ممیزی ممکن نشد: کلید امضا یا پروندهٔ نقاط وارسی در دسترس نیست.',
    en: 'The audit checkpoint could not be signed: the signing key or the checkpoints file is unavailable.',
  },
  route_not_found: { status: 404, fa: 'چنین نشانی‌ای در سامانه وجود ندارد.', en: 'There is no such address.' },
  method_not_allowed: {
    status: 405,
    fa: 'این روش درخواست برای این نشانی پشتیبانی نمی‌شود.',
    en: 'This method is not allowed for this address.',
  },
  unknown_service: {
    status: 400,
    fa: 'چنین خدمتی در فهرست خدمات نیست.',
    en: 'There is no such service in the catalog.',
  },
  no_tariff_in_force: {
    status: 422,
    fa: 'برای این تاریخ تعرفهٔ مصوبی وجود ندارد.',
    en: 'No approved tariff schedule is in force on that date.',
  },
  username_taken: { status: 409, fa: 'این نام کاربری قبلاً ثبت شده است.', en: 'This username is already taken.' },
  conflict: {
    status: 409,
    fa: 'این درخواست با وضعیت فعلی سازگار نیست.',
    en: 'The request conflicts with the current state.',
  },
  payload_too_large: { status: 413, fa: 'حجم درخواست بیش از حد مجاز است.', en: 'The request is too large.' },
  unsupported_media_type: {
    status: 415,
    fa: 'نوع محتوای درخواست پشتیبانی نمی‌شود؛ از application/json استفاده کنید.',
    en: 'Unsupported content type; send application/json.',
  },
  account_locked: {
    status: 429,
    fa: 'به دلیل تلاش‌های ناموفق مکرر، ورود موقتاً مسدود شده است.',
    en: 'Too many failed attempts; sign-in is temporarily locked.',
  },
  otp_too_soon: {
    status: 429,
    fa: 'کدی به‌تازگی به این شماره فرستاده شده است؛ کمی بعد دوباره درخواست کنید.',
    en: 'A code was sent recently; please wait before asking again.',
  },
  rate_limited: {
    status: 429,
    fa: 'تعداد درخواست‌ها بیش از حد است؛ کمی بعد تلاش کنید.',
    en: 'Too many requests; please try again shortly.',
  },
  filing_not_awaiting_decision: {
    status: 409,
    fa: 'این درخواست در انتظار تصمیم دادگاه نیست (پیش‌تر پذیرفته یا برگشت داده شده است).',
    en: "This filing is not awaiting the court's decision (it was already accepted or returned).",
  },
  no_notice_recipients: {
    status: 422,
    fa: 'هیچ‌یک از اصحاب این پرونده حساب الکترونیک قضایی ندارد؛ ابلاغ الکترونیک ممکن نیست.',
    en: 'No party of this case has a judicial e-account; the notice cannot be served electronically.',
  },
  notice_party_served: {
    status: 409,
    fa: 'ابلاغ کاغذی این ابلاغیه به این طرف پیش‌تر ثبت شده است.',
    en: 'The paper service of this notice on this party is already recorded.',
  },
  notice_document_attached: {
    status: 409,
    fa: 'متن امضاشدهٔ رأی پیش‌تر به این ابلاغیه پیوست شده است و تغییر نمی‌کند.',
    en: 'The signed decision is already attached to this notice and does not change.',
  },
  notice_not_a_decision: {
    status: 409,
    fa: 'فقط به ابلاغیهٔ رأی می‌توان متن امضاشدهٔ رأی را پیوست کرد.',
    en: 'Only a decision notice can carry the signed decision.',
  },
  notice_not_opened: {
    status: 409,
    fa: 'ابلاغیه هنوز در دفتر برای شهروند گشوده نشده است؛ نخست آن را بگشایید، سپس چاپ کنید.',
    en: 'The notice has not been opened at the office for the citizen yet: open it first, then print it.',
  },
  holiday_exists: {
    status: 409,
    fa: 'این روز پیش‌تر در تقویم تعطیلات ثبت شده است.',
    en: 'This day is already in the holiday calendar.',
  },
  lunar_holiday_not_found: {
    status: 404,
    fa: 'در این روز تعطیل قمریِ محاسبه‌شده‌ای نیست که بتوان آن را تأیید یا جابه‌جا کرد.',
    en: 'There is no computed lunar holiday on this day to confirm or move.',
  },
  no_time_limit_for_kind: {
    status: 422,
    fa: 'از این نوع ابلاغیه مهلتی آغاز نمی‌شود؛ مهلت را با عدد و واحد آن وارد کنید.',
    en: 'No time limit runs from this kind of notice; enter the limit as an amount and a unit.',
  },
  tariff_dates_overlap: {
    status: 409,
    fa: 'بازهٔ اجرای این تعرفه با تعرفهٔ مصوب دیگری هم‌پوشانی دارد؛ در هر روز تنها یک تعرفه می‌تواند لازم‌الاجرا باشد.',
    en: "This schedule's dates overlap another approved schedule; only one schedule can be in force on a day.",
  },
  tariff_draft_incomplete: {
    status: 422,
    fa: 'پیش‌نویس برای همهٔ خدماتی که تعرفهٔ لازم‌الاجرا دارند مبلغ ندارد.',
    en: 'The draft has no fee for some services that the schedule in force prices.',
  },
  tariff_not_draft: {
    status: 409,
    fa: 'این تعرفه پیش‌تر تصویب شده است و دیگر قابل ویرایش یا حذف نیست.',
    en: 'This schedule is already approved and can no longer be edited or deleted.',
  },
  tariff_own_draft: {
    status: 403,
    fa: 'تصویب پیش‌نویسی که خودتان تهیه کرده‌اید مجاز نیست؛ مقام دیگری باید آن را تصویب کند.',
    en: 'You may not approve a draft you prepared yourself; another official must approve it.',
  },
  tariff_retroactive: {
    status: 422,
    fa: 'این تعرفه جایگزین تعرفهٔ لازم‌الاجرای امروز می‌شود و از گذشته اجرا می‌شود؛ تعرفهٔ گذشته را با تاریخ پایان ثبت کنید یا تاریخ اجرا را امروز یا بعد از آن بگذارید.',
    en: "This schedule would replace today's schedule retroactively; enter a past schedule with its end date, or set the start to today or later.",
  },
  tariff_code_taken: {
    status: 409,
    fa: 'تعرفه‌ای با این کد پیش‌تر ثبت شده است.',
    en: 'A schedule with this code already exists.',
  },
  simulation_no_volume: {
    status: 422,
    fa: 'در بازهٔ انتخاب‌شده هیچ خدمتی ثبت نشده است؛ بازهٔ دیگری برگزینید.',
    en: 'No services were recorded in the chosen period; choose another period.',
  },
  channel_not_allowed: {
    status: 403,
    fa: 'این خدمت از این مسیر (حضوری در دفتر یا برخط) ارائه نمی‌شود.',
    en: 'This service is not offered through this channel (at an office or online).',
  },
  channel_policy_unchanged: {
    status: 409,
    fa: 'این خدمت هم‌اکنون همین سیاست مسیر ارائه را دارد.',
    en: 'The service already has this channel policy.',
  },
  filing_not_paid: {
    status: 409,
    fa: 'هزینهٔ این درخواست هنوز پرداخت نشده است؛ پیش از ارسال، آن را پرداخت کنید.',
    en: 'This filing has not been paid; pay for it before submitting.',
  },
  filing_not_editable: {
    status: 409,
    fa: 'این درخواست پس از پرداخت یا ارسال قابل ویرایش نیست.',
    en: 'This filing cannot be edited once paid or submitted.',
  },
  filing_status_conflict: {
    status: 409,
    fa: 'این مرحله در وضعیت فعلی درخواست ممکن نیست.',
    en: "This step is not possible in the filing's current status.",
  },
  unsupported_file_type: {
    status: 415,
    fa: 'نوع پرونده پذیرفته نیست؛ فقط PDF، JPEG یا PNG (بر اساس محتوای پرونده، نه نام آن).',
    en: 'Unsupported file type; only PDF, JPEG or PNG (judged by the content, not the name).',
  },
  corrupt_file: {
    status: 422,
    fa: 'پرونده خراب یا ناقص است و خوانده نمی‌شود.',
    en: 'The file is corrupt or truncated and cannot be read.',
  },
  file_integrity_failed: {
    status: 500,
    fa: 'سند ذخیره‌شده با اثر انگشت (SHA-256) ثبت‌شده در زمان بارگذاری یکسان نیست و برای آن‌که نسخهٔ دست‌کاری‌شده یا آسیب‌دیده به جای اصل داده نشود، ارائه نمی‌شود. موضوع ثبت شد؛ با پشتیبانی تماس بگیرید.',
    en: 'The stored document no longer matches the SHA-256 recorded when it was uploaded, so it is not served: a changed or damaged copy is never handed out as the original. This has been logged; contact support.',
  },
  pdf_active_content: {
    status: 422,
    fa: 'این PDF کد اجرایی دارد (مانند اسکریپت، اجرای برنامه یا ارسال فرم) و برای دادگاه فرستاده نمی‌شود؛ از سند نسخهٔ بدون کد تهیه کنید (مثلاً با «چاپ به PDF») و دوباره بارگذاری کنید.',
    en: 'This PDF carries active content (a script, a program to launch or a form submission) and is not passed on to the court; make a copy without it (e.g. "Print to PDF") and upload that.',
  },
  pdf_too_complex: {
    status: 422,
    fa: 'خواندن این PDF بیش از حد طول می‌کشد و پذیرفته نمی‌شود؛ از آن نسخهٔ ساده‌تری تهیه کنید (مثلاً با «چاپ به PDF» یا اسکن دوباره) و دوباره بارگذاری کنید.',
    en: 'This PDF takes too long to read and is not accepted; make a simpler copy (e.g. "Print to PDF" or scan it again) and upload that.',
  },
  file_too_large: { status: 413, fa: 'حجم پرونده بیش از حد مجاز است.', en: 'The file is larger than allowed.' },
  page_limit_exceeded: {
    status: 422,
    fa: 'تعداد صفحات پیوست‌ها بیش از حد مجاز است.',
    en: 'The attachments have more pages than allowed.',
  },
  idempotency_key_required: {
    status: 400,
    fa: 'سرآیند Idempotency-Key برای این درخواست الزامی است.',
    en: 'This request needs an Idempotency-Key header.',
  },
  eaccount_exists: {
    status: 409,
    fa: 'برای این کد ملی پیش‌تر حساب الکترونیک قضایی (ثنا) ثبت شده است.',
    en: 'A judicial e-account (SANA) is already registered for this national ID.',
  },
  mobile_in_use: {
    status: 409,
    fa: 'این شمارهٔ همراه به حساب الکترونیک قضایی شخص دیگری متصل است.',
    en: "This mobile number belongs to another person's judicial e-account.",
  },
  invalid_mobile_code: {
    status: 400,
    fa: 'کد تأیید شمارهٔ همراه نادرست یا منقضی است؛ کد تازه بخواهید.',
    en: 'The mobile confirmation code is wrong or has expired; ask for a new code.',
  },
  eaccount_not_found: {
    status: 404,
    fa: 'شهروندی با این کد ملی حساب الکترونیک قضایی ندارد.',
    en: 'No citizen with this national ID has a judicial e-account.',
  },
  appeal_already_started: {
    status: 409,
    fa: 'متقاضی پیش‌تر از همین رأی تجدیدنظرخواهی کرده است؛ همان درخواست را ادامه دهید.',
    en: 'The applicant has already started an appeal of this decision; continue that filing.',
  },
  legal_person_exists: {
    status: 409,
    fa: 'شخص حقوقی با این شناسهٔ ملی پیش‌تر ثبت شده است.',
    en: 'A legal person with this national company ID is already registered.',
  },
  representative_exists: {
    status: 409,
    fa: 'این نمایندگی با همین شمارهٔ پروانه پیش‌تر ثبت شده است.',
    en: 'This representative is already registered with the same licence number.',
  },
  consent_required: {
    status: 403,
    fa: 'برای این کار رضایت شهروند (با کد یکبارمصرف) لازم است یا رضایت قبلی منقضی شده است.',
    en: "The citizen's consent (by one-time code) is required, or the earlier consent has expired.",
  },
  invalid_consent_code: {
    status: 400,
    fa: 'کد رضایت نادرست یا منقضی است؛ کد تازه بخواهید.',
    en: 'The consent code is wrong or has expired; ask for a new code.',
  },
  ticket_status_conflict: {
    status: 409,
    fa: 'این نوبت در وضعیتی نیست که این کار روی آن ممکن باشد.',
    en: 'This ticket is not in a state that allows this.',
  },
  idempotency_key_reused: {
    status: 422,
    fa: 'این کلید Idempotency-Key پیش‌تر برای درخواست دیگری به کار رفته است؛ برای درخواست تازه کلید تازه بفرستید.',
    en: 'This Idempotency-Key was already used for a different request; send a new key for a new request.',
  },
  idempotency_in_progress: {
    status: 409,
    fa: 'درخواست قبلی با همین کلید هنوز در حال انجام است؛ کمی بعد دوباره تلاش کنید.',
    en: 'An earlier request with this Idempotency-Key is still being processed; retry shortly.',
  },
  payment_callback_rejected: {
    status: 400,
    fa: 'پاسخ درگاه پرداخت معتبر نیست (امضا، مبلغ یا شناسهٔ تراکنش نادرست است)؛ هیچ مبلغی منظور نشد.',
    en: "The payment gateway's callback is not valid (signature, amount or transaction token is wrong); nothing was credited.",
  },
  pdf_unavailable: {
    status: 503,
    fa: 'ساخت PDF در این سرور ممکن نیست (مرورگر Chromium نصب نیست)؛ نسخهٔ چاپی HTML را (نشانی آن در پاسخ آمده است) باز کنید و از مرورگر چاپ بگیرید.',
    en: 'PDFs cannot be made on this server (no Chromium is installed); open the HTML print view (its address is in the answer) and print it from the browser.',
  },
  // The office network and its people.
  office_not_active: {
    status: 403,
    fa: 'این دفتر فعال نیست (تعلیق یا تعطیل شده است) و نمی‌تواند خدمت ارائه کند.',
    en: 'This office is not active (suspended or closed) and cannot perform services.',
  },
  service_outside_pilot: {
    status: 422,
    fa: 'این خدمت فعلاً به‌صورت آزمایشی و فقط در استان‌ها و بازهٔ زمانی دورهٔ آزمایشی ارائه می‌شود؛ این دفتر یا این تاریخ بیرون از آن است.',
    en: 'This service is offered only as a pilot, in its provinces and between its dates; this office or this day is outside it.',
  },
  office_lacks_competency: {
    status: 403,
    fa: 'این دفتر صلاحیت ارائهٔ این خدمت را ندارد (صلاحیت اعطا نشده، معلق یا لغو شده است).',
    en: 'This office has no competency for this service (not granted, suspended or withdrawn).',
  },
  licence_required: {
    status: 403,
    fa: 'برای انجام این خدمت پروانهٔ فعالیت معتبری که این خدمت را پوشش دهد لازم است.',
    en: 'A valid activity licence covering this service is required to perform it.',
  },
  licence_suspended: {
    status: 403,
    fa: 'پروانهٔ فعالیت شما معلق شده است؛ تا رفع تعلیق نمی‌توانید خدمت ارائه کنید.',
    en: 'Your activity licence is suspended; you cannot perform services until the suspension is lifted.',
  },
  licence_expired: {
    status: 403,
    fa: 'پروانهٔ فعالیت شما منقضی شده است؛ برای ادامهٔ کار آن را تمدید کنید.',
    en: 'Your activity licence has expired; renew it to keep working.',
  },
  licence_revoked: { status: 403, fa: 'پروانهٔ فعالیت شما لغو شده است.', en: 'Your activity licence has been revoked.' },
  licence_status_conflict: {
    status: 409,
    fa: 'این کار در وضعیت فعلی پروانه ممکن نیست.',
    en: "This is not possible in the licence's current status.",
  },
  licence_requirements_unmet: {
    status: 422,
    fa: 'شرایط صدور پروانه فراهم نیست: دوره‌ها و آزمون لازم گذرانده نشده است.',
    en: 'The licence requirements are not met: the required courses and exam have not been passed.',
  },
  licence_competency_missing: {
    status: 422,
    fa: 'پروانه برای خدمتی خواسته شده که دفتر صلاحیت آن را ندارد.',
    en: 'The licence names a service the office has no competency for.',
  },
  continuing_education_insufficient: {
    status: 422,
    fa: 'ساعات آموزش ضمن خدمت برای تمدید پروانه کافی نیست.',
    en: 'Not enough continuing-education hours to renew the licence.',
  },
  exam_time_over: {
    status: 409,
    fa: 'زمان آزمون به پایان رسیده است؛ پاسخ‌نامه پس از پایان وقت پذیرفته نمی‌شود.',
    en: 'The exam time is over; answers are not accepted after the deadline.',
  },
  exam_attempts_exhausted: {
    status: 409,
    fa: 'تعداد دفعات مجاز شرکت در این آزمون به پایان رسیده است.',
    en: 'You have used all the attempts allowed for this exam.',
  },
  exam_attempt_in_progress: {
    status: 409,
    fa: 'آزمون دیگری از همین دوره در جریان است؛ ابتدا آن را به پایان برسانید.',
    en: 'Another attempt at this exam is in progress; finish it first.',
  },
  exam_attempt_closed: {
    status: 409,
    fa: 'این آزمون پیش‌تر تحویل یا بسته شده است.',
    en: 'This attempt has already been submitted or closed.',
  },
  question_bank_too_small: {
    status: 422,
    fa: 'بانک سؤالات این دوره کمتر از تعداد سؤالات آزمون سؤال فعال دارد.',
    en: "The course's question bank has fewer active questions than the exam draws.",
  },
  session_full: { status: 409, fa: 'ظرفیت این دورهٔ آموزشی تکمیل است.', en: 'This training session is full.' },
  already_enrolled: {
    status: 409,
    fa: 'این شخص پیش‌تر در این دورهٔ آموزشی ثبت‌نام کرده است.',
    en: 'This person is already enrolled in this session.',
  },
  session_started: {
    status: 409,
    fa: 'این دورهٔ آموزشی آغاز شده است؛ ثبت‌نام یا انصراف دیگر ممکن نیست.',
    en: 'This training session has already started; enrolment can no longer change.',
  },
  contract_overlap: {
    status: 409,
    fa: 'این قرارداد با قرارداد دیگری از همین شخص در همین دفتر هم‌پوشانی دارد.',
    en: 'This contract overlaps another contract of the same person at this office.',
  },
  employed_full_time_elsewhere: {
    status: 409,
    fa: 'این کد ملی در همین بازه در دفتر دیگری با قرارداد تمام‌وقت شاغل است.',
    en: 'This national ID is employed full-time at another office in the same period.',
  },
  insurance_overlap: {
    status: 409,
    fa: 'این دورهٔ بیمه با دورهٔ دیگری از همین شخص در همین دفتر هم‌پوشانی دارد.',
    en: 'This insurance period overlaps another period of the same person at this office.',
  },
  application_status_conflict: {
    status: 409,
    fa: 'این درخواست تأسیس در مرحله‌ای نیست که این تصمیم روی آن ممکن باشد.',
    en: 'This application is not at a stage where this decision is possible.',
  },
  office_status_conflict: {
    status: 409,
    fa: 'این تغییر وضعیت برای وضعیت فعلی دفتر ممکن نیست.',
    en: "This status change is not possible from the office's current status.",
  },
  competency_status_conflict: {
    status: 409,
    fa: 'این تغییر برای وضعیت فعلی این صلاحیت ممکن نیست.',
    en: "This change is not possible for the competency's current status.",
  },
  office_application_open: {
    status: 409,
    fa: 'برای این بنیان‌گذار (کد ملی) درخواست تأسیس دفتری در جریان است؛ تا تعیین تکلیف آن، درخواست تازه پذیرفته نمی‌شود.',
    en: 'This founder (national ID) already has an office application in progress; a new one is not accepted until it is decided.',
  },
  own_decision_not_allowed: {
    status: 403,
    fa: 'تصمیم دربارهٔ پرونده‌ای که خودتان ثبت کرده‌اید مجاز نیست.',
    en: 'You may not decide on a record you filed yourself.',
  },
  // Geography: population imports and the siting optimizer.
  population_import_invalid: {
    status: 422,
    fa: 'پروندهٔ جمعیت خطا دارد و هیچ رقمی جایگزین نشد؛ سطر و ستون هر خطا در فهرست آمده است.',
    en: 'The population file has errors and nothing was replaced; each error names its line and column.',
  },
  siting_too_large_for_exact: {
    status: 422,
    fa: 'این مسئله برای حل دقیق بزرگ است؛ یک استان را برگزینید یا از روش سریع استفاده کنید.',
    en: 'This instance is too large for the exact solver; choose one province or use the fast solver.',
  },
  arbitration_subject_excluded: {
    status: 422,
    fa: 'این موضوع به حکم مادهٔ ۴۹۶ قانون آیین دادرسی مدنی قابل ارجاع به داوری نیست (ورشکستگی، اصل نکاح، فسخ آن، طلاق و نسب).',
    en: 'Art. 496 of the Civil Procedure Code keeps this subject from arbitration (bankruptcy, the marriage itself or its annulment, divorce, parentage).',
  },
  arbitration_party_minor: {
    status: 422,
    fa: 'یکی از طرفین به سن هجده سال تمام شمسی نرسیده است و اهلیت ارجاع دعوا به داوری را ندارد (مادهٔ ۴۵۴).',
    en: 'A party is under eighteen full solar years and lacks the capacity to refer a dispute to arbitration (Art. 454).',
  },
  arbitration_capacity_unattested: {
    status: 422,
    fa: 'تاریخ تولد یکی از طرفین در سامانه نیست؛ اهلیت او باید پس از احراز هویت در دفتر گواهی شود.',
    en: "A party's birth date is not on record; their capacity must be attested at an office after an ID check.",
  },
  arbitration_party_unknown: {
    status: 422,
    fa: 'طرف داوری با این کد ملی و شمارهٔ همراه حساب الکترونیک قضایی ندارد.',
    en: "No judicial e-account matches this party's national ID and mobile.",
  },
  arbitration_state_conflict: {
    status: 409,
    fa: 'این اقدام در مرحلهٔ کنونی داوری ممکن نیست.',
    en: "This step is not possible at the arbitration's current stage.",
  },
  arbitration_award_after_term: {
    status: 422,
    fa: 'تاریخ رأی پس از پایان مدت داوری است؛ رأی خارج از مدت باطل است (بند ۴ مادهٔ ۴۸۹).',
    en: 'The award is dated after the term ended; an award after the term is void (Art. 489 para. 4).',
  },
  arbitration_hearing_not_held: {
    status: 409,
    fa: 'زمان این جلسهٔ رسیدگی هنوز نرسیده است؛ صورت‌جلسه پس از برگزاری جلسه نوشته می‌شود.',
    en: 'This hearing has not yet been held; its minutes are written after it.',
  },
  arbitration_minutes_recorded: {
    status: 409,
    fa: 'صورت‌جلسهٔ این جلسه پیش‌تر ثبت شده است و تغییر نمی‌کند.',
    en: "This hearing's minutes have already been recorded and do not change.",
  },
  arbitration_no_majority: {
    status: 422,
    fa: 'رأی امضای اکثریت داوران را ندارد (مادهٔ ۴۸۴).',
    en: 'The award lacks the signatures of a majority of the arbitrators (Art. 484).',
  },
  arbitration_no_registry_court: {
    status: 409,
    fa: 'در استان محل داوری دادگاه عمومی‌ای در سامانه نیست که رأی برای ابلاغ به آن سپرده شود (مادهٔ ۴۸۵).',
    en: "No general court of the seat's province is on record to lodge the award with for notice (Art. 485).",
  },
  arbitration_award_not_delivered: {
    status: 409,
    fa: 'رأی داوری هنوز به همهٔ طرفین ابلاغ نشده است؛ مهلت‌های پس از ابلاغ از آخرین ابلاغ آغاز می‌شود.',
    en: 'The award has not yet been delivered to every party; the windows after notice run from the last delivery.',
  },
  arbitration_annulment_late: {
    status: 422,
    fa: 'مهلت بیست‌روزهٔ درخواست ابطال رأی داوری از تاریخ ابلاغ گذشته است (مادهٔ ۴۹۰).',
    en: 'The twenty days from notice to seek annulment of the award have passed (Art. 490).',
  },
  arbitration_enforcement_early: {
    status: 422,
    fa: 'مهلت بیست‌روزهٔ اجرای رأی داوری از تاریخ ابلاغ هنوز نگذشته است؛ درخواست صدور اجراییه پس از آن ممکن است (مادهٔ ۴۸۸).',
    en: 'The twenty days from notice to comply with the award have not passed; the enforcement order may be requested after them (Art. 488).',
  },
  arbitration_not_award_winner: {
    status: 422,
    fa: 'درخواست صدور اجراییه با طرفی است که رأی داوری به سود او صادر شده است (مادهٔ ۴۸۸).',
    en: 'Only the party the award favours may request the enforcement order (Art. 488).',
  },
  arbitration_fee_scale_retroactive: {
    status: 422,
    fa: 'جدول حق‌الزحمهٔ داوری عطف به ماسبق نمی‌شود؛ تاریخ اجرا باید فردا یا پس از آن باشد.',
    en: "A scale of arbitrators' fees is never retroactive; it must come into force tomorrow or later.",
  },
  arbitration_fee_scale_exists: {
    status: 409,
    fa: 'جدولی دیگر از همین روز اجرا می‌شود؛ جدول ثبت‌شده تغییر نمی‌کند، روز دیگری برگزینید.',
    en: 'Another scale comes into force that day; a recorded scale does not change, so choose another day.',
  },
  arbitration_fee_scale_in_force: {
    status: 409,
    fa: 'این جدول حق‌الزحمهٔ داوری نافذ شده است و پس گرفته نمی‌شود؛ تنها با جدولی تازه از روزی دیگر جایگزین می‌شود.',
    en: "This scale of arbitrators' fees is already in force and cannot be withdrawn; only a newer scale from a later day supersedes it.",
  },
  arbitration_fee_scale_withdrawn: {
    status: 409,
    fa: 'این جدول حق‌الزحمهٔ داوری پیش‌تر پس گرفته شده است.',
    en: "This scale of arbitrators' fees has already been withdrawn.",
  },
  arbitration_fee_not_fixed: {
    status: 409,
    fa: 'حق‌الزحمهٔ داوران هنوز تعیین نشده است؛ با قبول همهٔ داوران و آغاز مدت داوری تعیین می‌شود.',
    en: "The arbitrators' fee is not fixed yet; it is fixed when every arbitrator has accepted and the term starts.",
  },
  arbitration_fee_not_owed: {
    status: 409,
    fa: 'به موجب قرارداد داوری، پرداخت حق‌الزحمهٔ داوران بر عهدهٔ شما نیست.',
    en: "Under the arbitration agreement you do not pay the arbitrators' fee.",
  },
  arbitration_fee_paid: {
    status: 409,
    fa: 'سهم شما از حق‌الزحمهٔ داوران پیش‌تر پرداخت شده است.',
    en: "Your share of the arbitrators' fee has already been paid.",
  },
  // Proposals for new office services, reviewed on a working-day clock.
  proposal_not_open: {
    status: 409,
    fa: 'این پیشنهاد باز نیست: پیش‌تر دربارهٔ آن تصمیم گرفته شده است.',
    en: 'This proposal is not open: it has already been decided.',
  },
  proposal_status_conflict: {
    status: 409,
    fa: 'این پیشنهاد در مرحله‌ای نیست که این کار روی آن ممکن باشد.',
    en: 'This proposal is not at a stage where this step is possible.',
  },
  proposal_no_running_limit: {
    status: 409,
    fa: 'برای این پیشنهاد مهلت تصمیمی در جریان نیست: نخست کامل بودن آن احراز شود و درخواست اطلاعات باز پاسخ گیرد.',
    en: 'No decision limit is running for this proposal: it must first be found complete, and any open information request answered.',
  },
  proposal_info_request_open: {
    status: 409,
    fa: 'درخواست اطلاعاتی دربارهٔ این پیشنهاد هنوز بی‌پاسخ است؛ تا پاسخ آن مهلت متوقف است.',
    en: 'An information request on this proposal is still unanswered; the clock is stopped until it is answered.',
  },
  proposal_not_a_pilot: {
    status: 409,
    fa: 'این پیشنهاد به‌صورت آزمایشی تصویب نشده است؛ بررسی پایان دورهٔ آزمایشی برای آن نیست.',
    en: 'This proposal was not approved as a pilot; there is no pilot end review for it.',
  },
  proposal_course_code_taken: {
    status: 409,
    fa: 'کد دورهٔ آموزشی این خدمت پیش‌تر برای دورهٔ دیگری به کار رفته است؛ انجمن ملی آن دوره را بررسی کند. چیزی از تصویب ثبت نشد.',
    en: "The code of this service's training course is already used by another course; the national association should review it. Nothing of the approval was recorded.",
  },
  pilot_already_concluded: {
    status: 409,
    fa: 'دربارهٔ این دورهٔ آزمایشی پیش‌تر تصمیم نهایی (پذیرش سراسری یا پایان) گرفته شده است.',
    en: 'This pilot has already been concluded (adopted nationally or ended).',
  },
  proposal_no_open_info_request: {
    status: 409,
    fa: 'درخواست اطلاعات بی‌پاسخی برای این پیشنهاد نیست.',
    en: 'There is no unanswered information request on this proposal.',
  },
  // Legal consultation.
  consultant_fee_out_of_range: {
    status: 422,
    fa: 'حق‌المشاورهٔ هر جلسه باید در بازه‌ای باشد که کانون برای این استان تعیین کرده است.',
    en: 'The fee per session must lie within the range the association set for this province.',
  },
  consultation_fee_range_missing: {
    status: 422,
    fa: 'کانون هنوز بازهٔ حق‌المشاوره را برای این استان تعیین نکرده است.',
    en: 'The association has not yet set a fee range for this province.',
  },
  consultant_licence_taken: {
    status: 409,
    fa: 'مشاوری با همین نوع و شمارهٔ پروانه پیش‌تر ثبت شده است.',
    en: 'A consultant with this kind and licence number is already registered.',
  },
  consultant_not_bookable: {
    status: 409,
    fa: 'این مشاور اکنون نوبت نمی‌پذیرد (پروانهٔ او منقضی شده یا غیرفعال است).',
    en: 'This consultant cannot be booked now (their licence has lapsed or they are inactive).',
  },
  consultation_slot_taken: {
    status: 409,
    fa: 'این نوبت همین حالا گرفته شد؛ نوبت دیگری برگزینید.',
    en: 'This slot has just been taken; choose another one.',
  },
  consultation_slot_unavailable: {
    status: 422,
    fa: 'این زمان از نوبت‌های آزاد این مشاور در این محل نیست.',
    en: "This time is not one of the consultant's free slots at this place.",
  },
  consultation_cutoff_passed: {
    status: 409,
    fa: 'مهلت جابه‌جایی این نوبت گذشته است.',
    en: 'The time to move this booking has passed.',
  },
  consultation_status_conflict: {
    status: 409,
    fa: 'این کار در وضعیت کنونی این نوبت مشاوره ممکن نیست.',
    en: 'This is not possible in the booking’s current state.',
  },
  consultation_already_rated: {
    status: 409,
    fa: 'این جلسه پیش‌تر امتیاز گرفته است؛ امتیاز فقط یک بار داده می‌شود.',
    en: 'This session has already been rated; a session is rated once.',
  },
  consultation_call_closed: {
    status: 409,
    fa: 'تماس تصویری این جلسه اکنون باز نیست: فقط برای جلسهٔ تصویریِ قطعی، از ده دقیقه پیش از آغاز تا پایان آن.',
    en: "This session's video call is not open now: only for a confirmed video session, from ten minutes before it starts until it ends.",
  },
  internal: {
    status: 500,
    fa: 'خطای داخلی رخ داد. موضوع ثبت شد.',
    en: 'An internal error occurred. It has been logged.',
  },
  hearing_transition_not_allowed: {
    status: 409,
    fa: 'این تغییر در وضعیت کنونی جلسه ممکن نیست (مثلاً جلسه‌ای که شروع نشده متوقف نمی‌شود و جلسهٔ ختم‌شده دوباره باز نمی‌شود).',
    en: "This change is not possible in the hearing's current state (a hearing not started cannot be paused, an ended one cannot reopen).",
  },
  hearing_ended: {
    status: 409,
    fa: 'این جلسه پایان یافته است (تنفس یا ختم) و صورتجلسهٔ آن دیگر تغییر نمی‌کند.',
    en: 'This hearing has ended (adjourned or closed); its minutes no longer change.',
  },
  check_in_mismatch: {
    status: 422,
    fa: 'کد ملی یا کد حضور با احضاریهٔ این شرکت‌کننده نمی‌خواند؛ پذیرش انجام نشد و این تلاش ثبت شد.',
    en: "The national ID or the check-in code does not match this participant's summons; they were not admitted and the attempt is recorded.",
  },
  not_at_this_office: {
    status: 409,
    fa: 'این شرکت‌کننده از این دفتر در جلسه حاضر نمی‌شود (غرفه‌ای در این دفتر ندارد).',
    en: 'This participant does not attend from this office (they hold no booth here).',
  },
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
  invalid_characters: {
    fa: 'مقدار نویسه‌ای نامجاز دارد (مانند نویسهٔ تهی)؛ آن را پاک کنید و دوباره بنویسید.',
    en: 'The value contains a character that is not allowed (such as a NUL character); remove it and type the value again.',
  },
  invalid_national_id: { fa: 'کد ملی نامعتبر است.', en: 'The national ID is invalid.' },
  bands_not_ascending: {
    fa: 'سقف هر ردیف باید از سقف ردیف پیش از آن بیشتر باشد.',
    en: "Each band's upper bound must be above the previous band's.",
  },
  not_after_today: {
    fa: 'تاریخ اجرا باید فردا یا پس از آن باشد.',
    en: 'The first day in force must be tomorrow or later.',
  },
  range_inverted: { fa: 'بیشینه نباید از کمینه کمتر باشد.', en: 'The maximum must not be below the minimum.' },
  invalid_mobile: { fa: 'شمارهٔ تلفن همراه نامعتبر است.', en: 'The mobile number is invalid.' },
  invalid_sheba: { fa: 'شمارهٔ شبا نامعتبر است.', en: 'The Sheba (IBAN) number is invalid.' },
  invalid_quantity: {
    fa: 'تعداد باید عددی صحیح و در محدودهٔ مجاز باشد.',
    en: 'The count must be a whole number within the allowed range.',
  },
  service_code_taken: {
    fa: 'خدمتی با این کد در فهرست خدمات هست؛ برای گسترش آن پیشنهاد گسترش ثبت کنید.',
    en: 'A service with this code is already in the catalog; propose extending it instead.',
  },
  service_not_at_offices_proposal: {
    fa: 'خدمتی که فقط برخط ارائه می‌شود در دفاتر گسترش نمی‌یابد.',
    en: 'A service offered online only is not extended to offices.',
  },
  quality_weights_sum: {
    fa: 'وزن‌ها باید عددهای صحیح نامنفی با جمع ۱۰۰ باشند.',
    en: 'The weights must be whole, non-negative numbers summing to 100.',
  },
  quality_weights_retroactive: {
    fa: 'ماه اجرا باید ماه آینده یا پس از آن باشد.',
    en: 'The month must be next month or later.',
  },
  corrective_action_required: {
    fa: 'برای این مورد ناموفق، اقدام اصلاحی و تاریخ انجام آن را بنویسید.',
    en: 'Give a corrective action and the day it will be done for this failed item.',
  },
  inspection_item_passed: {
    fa: 'این مورد در بازرسی قبول شده است و پاسخی نمی‌خواهد.',
    en: 'This item passed the inspection and needs no answer.',
  },
  date_before_inspection: {
    fa: 'تاریخ اقدام اصلاحی نمی‌تواند پیش از روز بازرسی باشد.',
    en: 'The corrective action cannot be due before the day of the inspection.',
  },
  complainant_required: {
    fa: 'شهروندی را که شکایت می‌کند برگزینید.',
    en: 'Choose the citizen who is complaining.',
  },
  complaint_own_office: {
    fa: 'شکایت از یک دفتر در همان دفتر ثبت نمی‌شود؛ شهروند می‌تواند برخط یا در دفتری دیگر شکایت کند.',
    en: 'A complaint against an office is not filed at that office; the citizen may file it online or at another office.',
  },
  operator_not_at_office: {
    fa: 'این کاربر کارمند دفتری که از آن شکایت می‌شود نیست.',
    en: 'This person does not work at the office complained about.',
  },
  reasons_required: {
    fa: 'دلایل تصمیم را بنویسید.',
    en: 'Write the reasons for the decision.',
  },
  pilot_extension_end: {
    fa: 'پایان تازهٔ دورهٔ آزمایشی را وارد کنید: پس از امروز و پس از پایان کنونی آن.',
    en: "Give the pilot's new last day: after today and after its current last day.",
  },
  pilot_end_required: {
    fa: 'پایان دورهٔ آزمایشی را وارد کنید (پس از امروز).',
    en: 'Give the end of the pilot (after today).',
  },
  unknown_service: { fa: 'چنین خدمتی در فهرست خدمات نیست.', en: 'There is no such service in the catalog.' },
  invalid_jalali_date: {
    fa: 'تاریخ شمسی نامعتبر است (نمونه: ۱۴۰۳/۰۵/۰۱).',
    en: 'The Jalali date is invalid (e.g. 1403/05/01).',
  },
  jalali_year_out_of_range: { fa: 'سال باید از ۱۳۰۰ تا ۱۵۰۰ باشد.', en: 'The year must be from 1300 to 1500.' },
  // Deadlines and the holiday calendar.
  limit_amount_invalid: {
    fa: 'مهلت باید عددی صحیح و بزرگ‌تر از صفر باشد.',
    en: 'The limit must be a whole number greater than zero.',
  },
  limit_too_long: {
    fa: 'مهلت بیش از ده سال است؛ مقدار را بررسی کنید.',
    en: 'The limit is longer than ten years; check the amount.',
  },
  unknown_limit_unit: {
    fa: 'واحد مهلت باید روز، هفته، ماه یا سال باشد.',
    en: 'The unit must be day, week, month or year.',
  },
  unknown_notice_kind: { fa: 'چنین نوع ابلاغیه‌ای وجود ندارد.', en: 'There is no such kind of notice.' },
  amount_or_kind: {
    fa: 'یا مهلت را با عدد و واحد وارد کنید یا نوع ابلاغیه را برگزینید (فقط یکی از این دو).',
    en: 'Give either the limit as an amount and a unit, or the kind of notice (exactly one of the two).',
  },
  abroad_with_kind_only: {
    fa: 'مهلت مقیمان خارج از کشور (دو ماه، مادهٔ ۴۴۶) فقط با انتخاب نوع ابلاغیه محاسبه می‌شود؛ در غیر این صورت مهلت را خودتان وارد کنید.',
    en: 'The limit for people abroad (two months, Art. 446) applies with a kind of notice; otherwise enter the limit yourself.',
  },
  kind_without_limit: {
    fa: 'از این نوع ابلاغیه مهلتی آغاز نمی‌شود.',
    en: 'No time limit runs from this kind of notice.',
  },
  lunar_move_too_far: {
    fa: 'تعطیل قمری را فقط تا سه روز پیش یا پس از روز محاسبه‌شده می‌توان جابه‌جا کرد.',
    en: 'A lunar holiday can be moved at most three days before or after its computed day.',
  },
  // Paper service by the court's bailiff (Civil Procedure Code Arts. 68–70).
  party_has_eaccount: {
    fa: 'این طرف حساب الکترونیک قضایی دارد و ابلاغیه در حساب او ابلاغ می‌شود؛ ابلاغ کاغذی برای طرفِ بدون حساب است.',
    en: 'This party has a judicial e-account and is served there; paper service is for a party without one.',
  },
  served_before_issue: {
    fa: 'تاریخ ابلاغ نمی‌تواند پیش از تاریخ صدور ابلاغیه باشد.',
    en: 'The service date cannot be before the notice was issued.',
  },
  served_in_future: { fa: 'تاریخ ابلاغ نمی‌تواند پس از امروز باشد.', en: 'The service date cannot be after today.' },
  recipient_required: {
    fa: 'نام و نسبت گیرندهٔ اوراق با طرف را بنویسید (مادهٔ ۶۹ قانون آیین دادرسی مدنی).',
    en: 'Write the name of whoever took the papers and their relation to the party (Civil Procedure Code Art. 69).',
  },
  not_pdf: { fa: 'پروندهٔ رأی باید PDF باشد.', en: 'The decision must be a PDF file.' },
  same_day: { fa: 'روز مقصد همان روز کنونی است.', en: 'The new day is the same as the current one.' },
  weak_password: {
    fa: 'گذرواژه باید دست‌کم ۱۰ نویسه و شامل حرف و رقم باشد.',
    en: 'The password must be at least 10 characters with letters and digits.',
  },
  invalid_username: {
    fa: 'نام کاربری فقط شامل حروف لاتین کوچک، رقم، نقطه و خط تیره است.',
    en: 'Usernames use lower-case Latin letters, digits, dots and dashes only.',
  },
  invalid_branch: {
    fa: 'شعبه باید یکی از شعب همین دادگاه باشد.',
    en: "The branch must be one of this court's branches.",
  },
  hearing_required: {
    fa: 'برای احضاریه، تاریخ و ساعت جلسهٔ رسیدگی الزامی است.',
    en: 'A summons needs the hearing date and time.',
  },
  no_free_booth: {
    fa: 'همهٔ غرفه‌های جلسهٔ برخط این دفتر در زمان این جلسه رزرو شده است؛ دفتر دیگری برگزینید.',
    en: "Every hearing booth of this office is booked for this hearing's time; choose another office.",
  },
  booth_not_at_office: {
    fa: 'این دفتر غرفه‌ای با این شماره ندارد.',
    en: 'This office has no hearing booth of that number.',
  },
  office_without_booths: {
    fa: 'این دفتر غرفهٔ جلسهٔ برخط ندارد یا فعال نیست.',
    en: 'This office has no hearing booth or is not active.',
  },
  hearing_in_past: { fa: 'زمان جلسهٔ رسیدگی باید در آینده باشد.', en: 'The hearing must be in the future.' },
  award_after_term: {
    fa: 'تاریخ رأی پس از پایان مدت داوری است؛ رأی خارج از مدت باطل است (بند ۴ مادهٔ ۴۸۹).',
    en: 'The award is dated after the term ended; an award after the term is void (Art. 489 para. 4).',
  },
  invalid_time: { fa: 'ساعت نامعتبر است (نمونه: ۰۹:۳۰).', en: 'The time is invalid (e.g. 09:30).' },
  appeal_only: {
    fa: 'فقط دادخواست تجدیدنظر به رأی ابلاغ‌شده ارجاع می‌دهد.',
    en: 'Only an appeal refers to a delivered decision.',
  },
  appeal_already_started: {
    fa: 'از این رأی (رأی مورد تجدیدنظر) پیش‌تر دادخواست تجدیدنظری برای همین متقاضی آغاز شده است.',
    en: 'An appeal of this decision (the decision appealed) has already been started for this applicant.',
  },
  appeal_decision_unknown: {
    fa: 'این رأی به متقاضی ابلاغ نشده است؛ تجدیدنظرخواهی از رأیی است که به خود او ابلاغ شده باشد.',
    en: 'This decision was not delivered to the applicant; one appeals a decision delivered to oneself.',
  },
  applicant_not_registered: {
    fa: 'شهروندی با این کد ملی حساب الکترونیک قضایی ندارد؛ نخست در پیشخوان برای او حساب باز کنید.',
    en: 'No citizen with this national ID has a judicial e-account; register one at the counter first.',
  },
  citizen_not_found: {
    fa: 'شهروندی با این کد ملی حساب الکترونیک قضایی ندارد؛ او را به‌عنوان طرف «ثبت‌نشده» با نام و نشانی وارد کنید.',
    en: 'No citizen with this national ID has a judicial e-account; enter them as an unregistered party with name and address.',
  },
  judge_not_of_court: {
    fa: 'این کاربر قاضی دادگاهِ این پرونده نیست.',
    en: "This user is not a judge of the case's court.",
  },
  duplicate_participant: {
    fa: 'هر شخص یک بار در فهرست شرکت‌کنندگان جلسه می‌آید.',
    en: "A person appears once in the hearing's participants.",
  },
  office_required: {
    fa: 'برای حضور از دفتر خدمات، دفتر را انتخاب کنید؛ برای حضور در دادگاه یا از منزل، دفتر انتخاب نمی‌شود.',
    en: 'Attending from an office needs the office; attending in court or from home takes none.',
  },
  interpreted_not_listed: {
    fa: 'مترجم باید به یکی از شرکت‌کنندگان همین جلسه پیوند داده شود.',
    en: 'An interpreter must be linked to another participant of the same hearing.',
  },
  invalid_company_id: { fa: 'شناسهٔ ملی شخص حقوقی نامعتبر است.', en: 'The national company ID is invalid.' },
  legal_person_not_found: {
    fa: 'شخص حقوقی با این شناسهٔ ملی ثبت نشده است.',
    en: 'No legal person with this company ID is registered.',
  },
  representative_not_found: { fa: 'نمایندهٔ انتخاب‌شده یافت نشد.', en: 'The chosen representative was not found.' },
  invalid_represented_party: {
    fa: 'نماینده باید نمایندهٔ یکی از اصحاب دیگر همین درخواست باشد.',
    en: 'A representative must act for another party of this filing.',
  },
  court_required: { fa: 'برای این خدمت، دادگاه را انتخاب کنید.', en: 'Choose the court for this service.' },
  parties_required: { fa: 'دست‌کم یک طرف (خواهان یا خوانده) وارد کنید.', en: 'Enter at least one party.' },
  subject_required: { fa: 'موضوع درخواست را وارد کنید.', en: 'Enter the subject of the filing.' },
  invalid_postal_code: { fa: 'کد پستی باید ده رقم باشد.', en: 'The postal code must have ten digits.' },
  invalid_mobile_code: { fa: 'کد تأیید نادرست یا منقضی است.', en: 'The confirmation code is wrong or has expired.' },
  licence_required: {
    fa: 'برای وکیل، شمارهٔ پروانه و کانون صادرکننده الزامی است.',
    en: 'A lawyer needs a licence number and the issuing bar association.',
  },
  invalid_identity_check: { fa: 'روش احراز هویت را انتخاب کنید.', en: 'Choose how identity was checked.' },
  founder_degree_level: {
    fa: 'بنیان‌گذار دفتر باید دست‌کم کارشناسی داشته باشد.',
    en: "An office founder needs at least a bachelor's degree.",
  },
  founder_degree_field: {
    fa: 'مدرک بنیان‌گذار باید در رشتهٔ حقوق، فقه یا علوم قضایی باشد.',
    en: "The founder's degree must be in law, fiqh or judicial sciences.",
  },
  fee_implausible: {
    fa: 'این مبلغ با تعرفهٔ لازم‌الاجرا سازگار نیست (بیش از ده برابر یا کمتر از یک‌دهم آن)؛ مبلغ را بررسی کنید.',
    en: 'This fee is implausible against the schedule in force (more than ten times or under a tenth of it); check the amount.',
  },
  fee_missing: {
    fa: 'مبلغ این خدمت در پیش‌نویس نیامده است؛ خدمتی که تعرفهٔ لازم‌الاجرا دارد باید در تعرفهٔ جدید هم مبلغ داشته باشد.',
    en: 'This service has no fee in the draft; every service the schedule in force prices needs a fee in the new one.',
  },
  fee_not_whole_rial_step: { fa: 'مبلغ باید مضربی از ۱۰۰ ریال باشد.', en: 'The fee must be a multiple of 100 Rials.' },
  period_too_long: { fa: 'بازه نباید بیش از ۲۴ ماه باشد.', en: 'The period cannot be longer than 24 months.' },
  month_in_future: {
    fa: 'این ماه هنوز به پایان نرسیده است؛ گزارش ماه پایان‌یافته ساخته می‌شود.',
    en: 'This month has not ended yet; a report is made for a month that has ended.',
  },
  year_in_future: {
    fa: 'این سال هنوز به پایان نرسیده است؛ گزارش سالانه برای سال پایان‌یافته ساخته می‌شود.',
    en: 'This year has not ended yet; an annual report is made for a year that has ended.',
  },
  end_before_start: {
    fa: 'تاریخ پایان باید پس از تاریخ آغاز باشد.',
    en: 'The end date must come after the start date.',
  },
  channel_policy_unchanged: {
    fa: 'سیاست تازه با سیاست کنونی یکی است؛ گزینهٔ دیگری برگزینید.',
    en: 'The new policy is the same as the current one; choose another.',
  },
  unknown_province: { fa: 'چنین استانی وجود ندارد.', en: 'There is no such province.' },
  open_data_year_not_begun: {
    fa: 'هنوز هیچ ماهی از این سال به پایان نرسیده است.',
    en: 'No month of this year has ended yet.',
  },
  unknown_county: { fa: 'چنین شهرستانی وجود ندارد.', en: 'There is no such county.' },
  city_not_in_province: { fa: 'این شهر در استان انتخاب‌شده نیست.', en: 'This city is not in the chosen province.' },
  outside_iran: { fa: 'این مختصات در محدودهٔ ایران نیست.', en: 'These coordinates are not inside Iran.' },
  closes_before_opens: {
    fa: 'ساعت پایان باید پس از ساعت شروع باشد.',
    en: 'The closing time must be after the opening time.',
  },
  overlapping_hours: {
    fa: 'این بازه با بازهٔ دیگری از همان روز هم‌پوشانی دارد.',
    en: 'This period overlaps another period of the same day.',
  },
  invalid_day: {
    fa: 'روز هفته باید از ۰ (شنبه) تا ۶ (جمعه) باشد.',
    en: 'The weekday must be 0 (Saturday) to 6 (Friday).',
  },
  reason_required: { fa: 'دلیل این تصمیم را بنویسید.', en: 'Give the reason for this decision.' },
  date_in_future: { fa: 'این تاریخ نمی‌تواند در آینده باشد.', en: 'This date cannot be in the future.' },
  date_before_start: { fa: 'این تاریخ باید پس از تاریخ شروع باشد.', en: 'This date must be after the start date.' },
  service_not_at_offices: {
    fa: 'این خدمت فقط برخط ارائه می‌شود و صلاحیت دفتر برای آن معنا ندارد.',
    en: 'This service is online-only; offices cannot hold a competency for it.',
  },
  office_not_found: {
    fa: 'دفتری با این شناسه نیست یا تعطیل شده است.',
    en: 'There is no such office, or it is closed.',
  },
  founder_required: {
    fa: 'مشخصات بنیان‌گذار (کد ملی، نام، نام خانوادگی و شمارهٔ همراه) را وارد کنید.',
    en: "Enter the founder's details (national ID, first and last name, mobile).",
  },
  founder_from_account: {
    fa: 'مشخصات بنیان‌گذار از حساب خود شما برداشته می‌شود و نباید وارد شود.',
    en: "The founder's details come from your own account and must not be sent.",
  },
  offices_or_provinces: {
    fa: 'یا دفترها را انتخاب کنید یا استان‌ها را (فقط یکی از این دو).',
    en: 'Choose either offices or provinces (exactly one of the two).',
  },
  scope_required: {
    fa: 'حوزهٔ این نقش (دفتر، استان یا دادگاه) را مشخص کنید.',
    en: 'Choose the scope of this role (office, province or court).',
  },
  not_staff_of_office: {
    fa: 'این شخص در این دفتر شاغل نیست (نقشی در این دفتر ندارد).',
    en: 'This person does not work at this office (holds no role there).',
  },
  date_in_past: { fa: 'این تاریخ نمی‌تواند در گذشته باشد.', en: 'This date cannot be in the past.' },
  not_office_staff: {
    fa: 'فقط کارکنان دفاتر (کاربر، مدیر یا مشاور دفتر) در دوره‌های آموزشی ثبت‌نام می‌شوند.',
    en: 'Only office staff (operators, managers, consultants) can be enrolled.',
  },
  not_enrolled: {
    fa: 'این شخص در این دورهٔ آموزشی ثبت‌نام نکرده است.',
    en: 'This person is not enrolled in this session.',
  },
  duplicate_entry: {
    fa: 'این شخص بیش از یک بار در فهرست آمده است.',
    en: 'This person appears more than once in the list.',
  },
  duplicate_code: {
    fa: 'این کد پیش‌تر برای مورد دیگری به کار رفته است.',
    en: 'This code is already used by another record.',
  },
  duplicate_options: { fa: 'گزینه‌ها باید متفاوت و غیرخالی باشند.', en: 'The options must be non-empty and distinct.' },
  correct_option_out_of_range: {
    fa: 'گزینهٔ درست باید یکی از گزینه‌های همین سؤال باشد.',
    en: "The correct option must be one of this question's options.",
  },
  option_out_of_range: {
    fa: 'پاسخ انتخاب‌شده از گزینه‌های این سؤال نیست.',
    en: "The chosen answer is not one of this question's options.",
  },
  question_not_drawn: { fa: 'این سؤال در آزمون شما نیست.', en: 'This question is not part of your attempt.' },
  question_already_drawn: {
    fa: 'این سؤال در آزمون‌ها به کار رفته است؛ گزینه‌ها و پاسخ درست آن تغییر نمی‌کند. آن را غیرفعال کنید و سؤال تازه بسازید.',
    en: 'This question has been drawn in attempts; its options and answer cannot change. Deactivate it and add a new one.',
  },
  // Geography and siting.
  k_exceeds_candidates: {
    fa: 'تعداد دفاتر جدید از تعداد مکان‌های پیشنهادی بیشتر است.',
    en: 'The number of new offices is larger than the number of candidate locations.',
  },
  negative_radius: { fa: 'شعاع پوشش نمی‌تواند منفی باشد.', en: 'The coverage radius cannot be negative.' },
  point_outside_iran: { fa: 'این نقطه بیرون از مرزهای ایران است.', en: 'This point is outside Iran.' },
  location_required: {
    fa: 'مکان را مشخص کنید: مختصات (lat و lon)، شهر یا استان.',
    en: 'Give a place: coordinates (lat and lon), a city or a province.',
  },
  point_outside_province: {
    fa: 'این نقطه بیرون از استان انتخاب‌شده است.',
    en: 'This point is outside the chosen province.',
  },
  csv_malformed: {
    fa: 'این سطر CSV خوانا نیست (گیومه یا تعداد ستون‌ها نادرست است).',
    en: 'This CSV line cannot be read (a quote or the number of columns is wrong).',
  },
  csv_missing_column: { fa: 'این ستون در سطر عنوان نیامده است.', en: 'This column is missing from the header line.' },
  csv_unknown_column: { fa: 'این ستون شناخته‌شده نیست.', en: 'This column is not recognised.' },
  csv_not_a_number: {
    fa: 'این خانه باید عدد صحیح نامنفی باشد.',
    en: 'This cell must be a whole number, zero or more.',
  },
  csv_unknown_place: {
    fa: 'چنین استان، شهرستان یا شهری در داده‌های مرجع نیست.',
    en: 'There is no such province, county or city in the reference data.',
  },
  csv_duplicate_row: {
    fa: 'این مکان پیش‌تر در همین پرونده آمده است.',
    en: 'This place already appears earlier in the file.',
  },
  office_lacks_consultation: {
    fa: 'این دفتر صلاحیت مشاورهٔ حقوقی ندارد و نمی‌تواند میزبان مشاور باشد.',
    en: 'This office does not hold the legal consultation competency and cannot host a consultant.',
  },
  room_required: {
    fa: 'برای نشستن در دفتر، شمارهٔ اتاق مشاوره را وارد کنید.',
    en: 'Give the consultation room at the office.',
  },
  user_not_consultant: {
    fa: 'این نام کاربری حساب مشاور حقوقی نیست.',
    en: 'This username is not a legal consultant’s account.',
  },
  citizen_required: { fa: 'شهروندی را که برایش نوبت می‌گیرید برگزینید.', en: 'Choose the citizen you are booking for.' },
  field_not_offered: {
    fa: 'این مشاور در این زمینه مشاوره نمی‌دهد.',
    en: 'This consultant does not advise in this field.',
  },
  min_above_max: { fa: 'کمینه نمی‌تواند از بیشینه بیشتر باشد.', en: 'The minimum cannot be above the maximum.' },
  csv_empty: { fa: 'پرونده هیچ سطر داده‌ای ندارد.', en: 'The file has no data lines.' },
} as const satisfies Record<string, { fa: string; en: string }>;

export type FieldMessageCode = keyof typeof FIELD_MESSAGES;
