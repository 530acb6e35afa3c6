/**
 * The privacy guard (个人信息保护): finds personal data — resident ID numbers, mobile numbers, bank card numbers and
 * e-mail addresses — in any text before it is public, and masks the personal fields of structured data on every
 * public output. It owns no tables; its masking rules are public and shown to the back office and on the API.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"catalog", "shared"})
package gongkai.privacy;
