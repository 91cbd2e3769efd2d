package cn.ipf.app.auth;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * 企业注册 the sign-up form as submitted. The USCC's check character, the password policy and the uniqueness rules
 * are the service's ({@link SignUps#submit}), as for the API's users; the username follows the API's user pattern.
 */
public class SignUpForm {

    @NotBlank
    @Size(max = 18)
    private String uscc;
    @NotBlank
    @Size(max = 200)
    private String enterpriseName;
    @NotBlank
    @Size(max = 100)
    private String contactName;
    /** A mobile number (11 digits from 1) or a landline with its area code. */
    @NotBlank
    @Pattern(regexp = "1\\d{10}|0\\d{2,3}-?\\d{7,8}")
    private String phone;
    @NotBlank
    @Email
    @Size(max = 254)
    private String email;
    @NotBlank
    @Pattern(regexp = "^[a-z0-9][a-z0-9._-]{2,63}$")
    private String username;
    @NotBlank
    private String password;
    /** Optional: the district the enterprise is registered in, when the applicant knows it. */
    private String districtCode;

    SignUps.Application application() {
        return new SignUps.Application(uscc, enterpriseName, contactName, phone, email, username, password,
                districtCode == null || districtCode.isBlank() ? null : districtCode);
    }

    public String getUscc() {
        return uscc;
    }

    public void setUscc(String uscc) {
        this.uscc = uscc;
    }

    public String getEnterpriseName() {
        return enterpriseName;
    }

    public void setEnterpriseName(String enterpriseName) {
        this.enterpriseName = enterpriseName;
    }

    public String getContactName() {
        return contactName;
    }

    public void setContactName(String contactName) {
        this.contactName = contactName;
    }

    public String getPhone() {
        return phone;
    }

    public void setPhone(String phone) {
        this.phone = phone;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getDistrictCode() {
        return districtCode;
    }

    public void setDistrictCode(String districtCode) {
        this.districtCode = districtCode;
    }
}
