/**
 * Organisations (机构): the departments, county governments and district committees that disclose information,
 * each with the leader responsible for disclosure in the public-welfare fields (plan 三.1) and a disclosure liaison,
 * both shown publicly. Names are kept with their history so that an old record shows the name its publisher had then.
 */
package gongkai.org;
