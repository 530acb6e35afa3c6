/**
 * The public's voice (互动交流, plan 三.3 and 三.4): complaints and reports about disclosure (投诉举报) with their clock,
 * routing and answers, a substantiated one becoming a supervision finding; social supervisors (社会监督员) who file
 * findings; questions to a body with public answers (咨询留言); consultations on draft policies (意见征集) with their
 * feedback reports; and responses to public concerns (回应关切).
 */
package gongkai.feedback;
